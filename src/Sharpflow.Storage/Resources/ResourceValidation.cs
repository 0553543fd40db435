using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;

namespace Sharpflow.Storage.Resources;

/// <summary>The checks the store itself owns: names, namespaces and labels, reported as 422 naming the field.</summary>
internal static class ResourceValidation
{
    public static void Validate(Resource resource, KindTraits traits)
    {
        if (string.IsNullOrEmpty(resource.Kind) || string.IsNullOrEmpty(resource.ApiVersion))
        {
            throw ResourceException.BadRequest("apiVersion and kind are required", string.IsNullOrEmpty(resource.Kind) ? "kind" : "apiVersion");
        }

        var meta = resource.Metadata;
        var causes = new List<StatusCause>();
        if (Names.ValidateSubdomain(meta.Name) is { } nameProblem)
        {
            causes.Add(Cause("metadata.name", nameProblem));
        }

        if (traits.Namespaced)
        {
            if (string.IsNullOrEmpty(meta.Namespace))
            {
                causes.Add(Cause("metadata.namespace", $"a namespace is required for the namespaced kind {resource.Kind}"));
            }
            else if (Names.ValidateLabel(meta.Namespace) is { } namespaceProblem)
            {
                causes.Add(Cause("metadata.namespace", namespaceProblem));
            }
        }

        foreach (var (key, value) in meta.Labels ?? new Dictionary<string, string>())
        {
            if ((LabelSyntax.ValidateKey(key) ?? LabelSyntax.ValidateValue(value)) is { } labelProblem)
            {
                causes.Add(Cause("metadata.labels", labelProblem));
            }
        }

        foreach (var owner in meta.OwnerReferences ?? [])
        {
            if (string.IsNullOrEmpty(owner.Uid))
            {
                causes.Add(Cause("metadata.ownerReferences", $"the owner reference to {owner.Kind} \"{owner.Name}\" needs a uid"));
            }
        }

        if (causes.Count > 0)
        {
            throw ResourceException.Invalid(resource.Kind, meta.Name ?? meta.GenerateName, causes);
        }
    }

    private static StatusCause Cause(string field, string message) =>
        new() { Reason = "FieldValueInvalid", Field = field, Message = message };
}
