using System.Text.Json.Nodes;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Turns <c>-p NAME=VALUE</c> arguments into the run's parameters, each value read by the type the pipeline
/// declares for it (<c>root.inputDefinitions.parameters</c>). Unknown names, values of the wrong type and
/// required parameters left out are usage errors, found before anything is submitted.
/// </summary>
internal static class RunParameters
{
    public static JsonObject Convert(IReadOnlyList<string> assignments, PipelineSpec spec)
    {
        var declared = spec.Root?.InputParameters ?? new Dictionary<string, ParameterDefinition>();
        var values = new JsonObject();
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"-p {assignment}: expected NAME=VALUE, such as -p {declared.Keys.FirstOrDefault() ?? "name"}=value");
            }

            var name = assignment[..equals];
            var text = assignment[(equals + 1)..];
            if (!declared.TryGetValue(name, out var definition))
            {
                throw new UsageException($"-p {assignment}: the pipeline \"{spec.PipelineInfo?.Name}\" has no parameter \"{name}\"; {Declared(declared)}");
            }

            if (values.ContainsKey(name))
            {
                throw new UsageException($"-p {name} is given twice; give each parameter once");
            }

            values[name] = Parse(name, text, definition);
        }

        var missing = declared
            .Where(p => p.Value.IsRequired && p.Value.ParameterType != ParameterType.TaskConfig && !values.ContainsKey(p.Key))
            .Select(p => p.Key)
            .ToList();
        if (missing.Count > 0)
        {
            var each = missing.Select(name => $"\"{name}\" ({declared[name].ParameterType.ProtoName()})");
            var flags = string.Join(' ', missing.Select(name => $"-p {name}=VALUE"));
            throw new UsageException($"the pipeline \"{spec.PipelineInfo?.Name}\" requires {Join(each)}, {(missing.Count == 1 ? "which has" : "which have")} no default: add {flags}");
        }

        return values;
    }

    /// <summary>"param1 (STRING, default "hello"), count (NUMBER_INTEGER, required)".</summary>
    public static string Describe(string name, ParameterDefinition definition)
    {
        var detail = definition.DefaultValue is { } value ? $"default {value.ToJsonString()}"
            : definition.IsOptional ? "optional"
            : "required";
        return $"{name} ({definition.ParameterType.ProtoName()}, {detail})";
    }

    private static JsonNode? Parse(string name, string text, ParameterDefinition definition)
    {
        var type = definition.ParameterType;
        JsonNode? value;
        try
        {
            value = ParameterValues.ParseText(text, type);
        }
        catch (FormatException e)
        {
            throw new UsageException($"-p {name}: parameter \"{name}\" is {type.ProtoName()} ({Expected(type)}): {e.Message}");
        }

        if (definition.Literals is { Count: > 0 } literals
            && !literals.Any(literal => ParameterValues.ToText(literal) == ParameterValues.ToText(value)))
        {
            var allowed = string.Join(", ", literals.Select(l => l?.ToJsonString() ?? "null"));
            throw new UsageException($"-p {name}: parameter \"{name}\" accepts only {allowed}; got \"{text}\"");
        }

        return value;
    }

    private static string Expected(ParameterType type) => type switch
    {
        ParameterType.NumberInteger => "a whole number such as 3",
        ParameterType.NumberDouble => "a number such as 0.5",
        ParameterType.Boolean => "true or false",
        ParameterType.List => "a JSON array such as [1, 2]",
        ParameterType.Struct => "a JSON object such as {\"key\": 1}",
        _ => "JSON",
    };

    private static string Declared(IReadOnlyDictionary<string, ParameterDefinition> declared) =>
        declared.Count == 0
            ? "it takes no parameters"
            : "its parameters are " + string.Join(", ", declared.Select(p => Describe(p.Key, p.Value)));

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
