using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>The acceptance pipelines and the final run state MANIFEST.tsv expects of each.</summary>
public static class AcceptanceManifest
{
    /// <summary>Sleeps twice for five minutes: run in the terminate test and, with a quick <c>sleep</c>, in its own success test.</summary>
    public const string LongRunning = "long-running.yaml";

    public static IReadOnlyDictionary<string, string> ExpectedStates { get; } = File.ReadAllLines(Path.Combine(AcceptanceFiles.Directory, "MANIFEST.tsv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .ToDictionary(columns => columns[0], columns => columns[^1].Trim(), StringComparer.Ordinal);

    /// <summary>Every pipeline that runs to its state in minutes (all but <see cref="LongRunning"/>).</summary>
    public static IReadOnlyList<string> QuickFiles { get; } = [.. ExpectedStates.Keys.Where(name => name != LongRunning).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Quick => [.. QuickFiles];

    /// <summary>
    /// Values for the pipeline parameters that have no default (arguments_parameters.yaml's param2), as a user
    /// starting the run must give them; every other parameter keeps its default.
    /// </summary>
    public static JsonObject RequiredParameters(string pipeline)
    {
        var parameters = new JsonObject();
        foreach (var (name, definition) in PipelineSpecParser.Parse(pipeline).Spec.Root!.InputParameters.Where(p => p.Value.IsRequired))
        {
            parameters[name] = definition.ParameterType switch
            {
                ParameterType.NumberInteger or ParameterType.NumberDouble => 1,
                ParameterType.Boolean => true,
                ParameterType.List => new JsonArray(),
                ParameterType.Struct => new JsonObject(),
                _ => "world",
            };
        }

        return parameters;
    }

    /// <summary>A run name for a pipeline file: "critical/flip_coin.yaml" gives "acceptance-critical-flip-coin".</summary>
    public static string RunName(string file)
    {
        var stem = file[..^".yaml".Length].ToLowerInvariant();
        var name = "acceptance-" + new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return name.Length <= 63 ? name : name[..63].TrimEnd('-');
    }
}
