using Sharpflow.Api.Errors;

namespace Sharpflow.Core.Pods;

/// <summary>Quantities must parse and be non-negative, and a request may not exceed its limit.</summary>
internal static class PodResourceValidation
{
    public static void Validate(ResourceRequirements? resources, string path, List<StatusCause> causes)
    {
        if (resources is null)
        {
            return;
        }

        var requests = Parse(resources.Requests, $"{path}.requests", causes);
        var limits = Parse(resources.Limits, $"{path}.limits", causes);
        foreach (var (name, request) in requests)
        {
            if (limits.TryGetValue(name, out var limit) && request.Value > limit.Value)
            {
                causes.Add(PodValidator.Invalid(
                    $"{path}.requests[{name}]",
                    $"\"{resources.Requests![name]}\": must be less than or equal to {name} limit of {resources.Limits![name]}"));
            }
        }

        foreach (var (map, field) in new[] { (requests, "requests"), (limits, "limits") })
        {
            if (map.TryGetValue(ResourceRequirements.NvidiaGpu, out var gpus) && gpus.Value != decimal.Truncate(gpus.Value))
            {
                causes.Add(PodValidator.Invalid($"{path}.{field}[{ResourceRequirements.NvidiaGpu}]", $"{gpus}: must be a whole number of GPUs"));
            }
        }
    }

    private static Dictionary<string, Quantity> Parse(IReadOnlyDictionary<string, string>? map, string path, List<StatusCause> causes)
    {
        var parsed = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var (name, text) in map ?? new Dictionary<string, string>())
        {
            if (!Quantity.TryParse(text, out var quantity))
            {
                causes.Add(PodValidator.Invalid($"{path}[{name}]", $"\"{text}\": must be {Quantity.Format}"));
            }
            else if (quantity.Value < 0)
            {
                causes.Add(PodValidator.Invalid($"{path}[{name}]", $"\"{text}\": must be greater than or equal to 0"));
            }
            else
            {
                parsed[name] = quantity;
            }
        }

        return parsed;
    }
}
