using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

/// <summary>Every container of the acceptance pipelines, resolved with a value for each declared input.</summary>
public class AcceptancePlaceholderTests
{
    public static TheoryData<string, string> Containers()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in AcceptanceFiles.Names)
        {
            var spec = AcceptanceFiles.Parse(file).Spec;
            foreach (var (name, component) in spec.Components)
            {
                if (spec.FindExecutor(component.ExecutorLabel)?.Container is not null)
                {
                    data.Add(file, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Resolve_AcceptanceContainer_LeavesNoPlaceholderOrStructure(string file, string componentName)
    {
        var (container, component) = LaunchFixture.Task(file, componentName);
        var input = LaunchFixture.Input(component, SampleParameters(component), component.InputArtifacts.ToDictionary(
            a => a.Key, a => (IReadOnlyList<RuntimeArtifact>)[LaunchFixture.Dataset($"/data/in/{a.Key}")]));

        var line = CommandLineResolver.Resolve(container, input, component, LaunchFixture.Context, ArtifactPaths.Kfp);

        var argv = line.Command.Concat(line.Args).ToList();
        Assert.All(argv, argument => Assert.Empty(PlaceholderSyntax.Find(argument)));
        Assert.DoesNotContain(argv, argument => StructuredArgument.TryParse(argument, out _));
        var raw = container.Command.Concat(container.Args).ToList();
        for (var i = 0; i < raw.Count && raw.Count == argv.Count; i++)
        {
            if (raw[i] == "{{$}}")
            {
                var parameters = JsonNode.Parse(argv[i])!["inputs"]?["parameterValues"]?.AsObject();
                Assert.Equal(component.InputParameters.Keys.Order(), (parameters?.Select(p => p.Key) ?? []).Order());
            }
        }
    }

    [Fact]
    public void Containers_CoverEveryPlaceholderFormOfTheAcceptanceFiles()
    {
        var forms = Containers()
            .Select(row => LaunchFixture.Task((string)row[0], (string)row[1]).Container)
            .SelectMany(container => container.Command.Concat(container.Args))
            .SelectMany(argument => StructuredArgument.TryParse(argument, out var s) ? StructuredArgument.Strings(s).Append(s.First().Key) : [argument])
            .SelectMany(argument => PlaceholderSyntax.Find(argument).Select(r => $"{r.Kind}{(r.Attribute is null ? "" : "." + r.Attribute)}")
                .Concat(argument is "IfPresent" or "Concat" ? [argument] : []))
            .ToHashSet();

        Assert.Equal(
            ["Concat", "ExecutorInput", "IfPresent", "InputArtifact.path", "InputParameter", "OutputArtifact.path", "OutputParameter"],
            forms.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, JsonNode?> SampleParameters(ComponentSpec component) =>
        component.InputParameters.ToDictionary(p => p.Key, p => (JsonNode?)(p.Value.ParameterType switch
        {
            ParameterType.NumberInteger => JsonValue.Create(3L),
            ParameterType.NumberDouble => JsonValue.Create(2.5),
            ParameterType.Boolean => JsonValue.Create(true),
            ParameterType.List => new JsonArray(1, 2),
            ParameterType.Struct => new JsonObject { ["k"] = "v" },
            ParameterType.TaskFinalStatus => TaskFinalStatusValue.Create("COMPLETE", "runs/r-1", "exit-handler-1"),
            _ => JsonValue.Create($"s-{p.Key}"),
        }));
}
