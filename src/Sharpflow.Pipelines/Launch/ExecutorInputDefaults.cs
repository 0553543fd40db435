using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Launch;

/// <summary>Adds the component's default for every input parameter the executor input lacks, as KFP's launcher does before substituting placeholders.</summary>
internal static class ExecutorInputDefaults
{
    public static ExecutorInput Apply(ExecutorInput input, ComponentSpec component)
    {
        var missing = component.InputParameters
            .Where(p => p.Value.DefaultValue is not null && !input.ParameterValues.ContainsKey(p.Key))
            .ToList();
        if (missing.Count == 0)
        {
            return input;
        }

        var values = input.ParameterValues.ToDictionary();
        foreach (var (name, definition) in missing)
        {
            values[name] = definition.DefaultValue!.DeepClone();
        }

        return input with { ParameterValues = values };
    }
}
