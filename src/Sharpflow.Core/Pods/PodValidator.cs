using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Core.Pods;

/// <summary>The checks Kubernetes' API server makes on the pod fields Sharpflow runs, with its field paths and wording.</summary>
internal sealed class PodValidator : IResourceValidator
{
    public ResourceKind Kind => BuiltInKinds.Pod;

    public IReadOnlyList<StatusCause> Validate(Resource resource) => Validate(resource.Spec, out _);

    /// <summary>Validates and parses a pod spec; <paramref name="spec"/> is set when it could be read at all.</summary>
    public static IReadOnlyList<StatusCause> Validate(JsonObject? json, out PodSpec? spec)
    {
        spec = null;
        if (json is null)
        {
            return [Required("spec", "a pod needs a spec with at least one container")];
        }

        try
        {
            spec = json.Deserialize<PodSpec>(ApiJson.Options);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "spec" : "spec" + e.Path.TrimStart('$');
            return [Invalid(path, $"cannot be read: {e.Message}")];
        }

        var causes = new List<StatusCause>();
        if (spec is null || spec.Containers.Count == 0)
        {
            causes.Add(Required("spec.containers", "a pod needs at least one container"));
            return causes;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Containers.Count; i++)
        {
            ValidateContainer(spec.Containers[i], $"spec.containers[{i}]", names, causes);
        }

        if (!RestartPolicies.All.Contains(spec.EffectiveRestartPolicy))
        {
            causes.Add(Unsupported("spec.restartPolicy", spec.EffectiveRestartPolicy, RestartPolicies.All));
        }

        if (spec.ActiveDeadlineSeconds is <= 0)
        {
            causes.Add(Invalid("spec.activeDeadlineSeconds", $"{spec.ActiveDeadlineSeconds}: must be greater than 0"));
        }

        if (spec.TerminationGracePeriodSeconds is < 0)
        {
            causes.Add(Invalid("spec.terminationGracePeriodSeconds", $"{spec.TerminationGracePeriodSeconds}: must be greater than or equal to 0"));
        }

        return causes;
    }

    private static void ValidateContainer(PodContainer container, string path, HashSet<string> names, List<StatusCause> causes)
    {
        if (Names.ValidateLabel(container.Name) is { } nameProblem)
        {
            causes.Add(container.Name is null ? Required($"{path}.name", "every container needs a name") : Invalid($"{path}.name", nameProblem));
        }
        else if (!names.Add(container.Name!))
        {
            causes.Add(new StatusCause { Reason = "FieldValueDuplicate", Field = $"{path}.name", Message = $"Duplicate value: \"{container.Name}\"" });
        }

        if (string.IsNullOrWhiteSpace(container.Image) && container.Command.Count == 0)
        {
            causes.Add(Required($"{path}.image", "set an image, a command, or both"));
        }

        for (var i = 0; i < container.Env.Count; i++)
        {
            if (string.IsNullOrEmpty(container.Env[i].Name))
            {
                causes.Add(Required($"{path}.env[{i}].name", "every environment variable needs a name"));
            }
        }

        var portKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < container.Ports.Count; i++)
        {
            var port = container.Ports[i];
            if (port.ContainerPort is < 1 or > 65535)
            {
                causes.Add(Invalid($"{path}.ports[{i}].containerPort", $"{port.ContainerPort}: must be between 1 and 65535, inclusive"));
            }
            else if (!portKeys.Add(port.Key))
            {
                causes.Add(new StatusCause { Reason = "FieldValueDuplicate", Field = $"{path}.ports[{i}]", Message = $"Duplicate value: \"{port.Key}\"" });
            }
        }

        PodResourceValidation.Validate(container.Resources, $"{path}.resources", causes);
    }

    internal static StatusCause Required(string field, string message) =>
        new() { Reason = "FieldValueRequired", Field = field, Message = $"Required value: {message}" };

    internal static StatusCause Invalid(string field, string message) =>
        new() { Reason = "FieldValueInvalid", Field = field, Message = $"Invalid value: {message}" };

    private static StatusCause Unsupported(string field, string value, IEnumerable<string> supported) => new()
    {
        Reason = "FieldValueNotSupported",
        Field = field,
        Message = $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}",
    };
}
