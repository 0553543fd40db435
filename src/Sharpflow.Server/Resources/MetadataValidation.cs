using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;

namespace Sharpflow.Server.Resources;

/// <summary>Kubernetes' rules for labels, annotations, finalizers and owner references, as 422 causes naming each field.</summary>
internal static class MetadataValidation
{
    public static void Check(ObjectMeta metadata, List<StatusCause> causes)
    {
        foreach (var (key, value) in metadata.Labels ?? new Dictionary<string, string>())
        {
            var problem = LabelSyntax.ValidateKey(key) ?? (value is null ? "a label value must be a string" : LabelSyntax.ValidateValue(value));
            Add(causes, $"metadata.labels[{key}]", problem);
        }

        foreach (var (key, value) in metadata.Annotations ?? new Dictionary<string, string>())
        {
            var problem = LabelSyntax.ValidateKey(key) is null
                ? value is null ? "an annotation value must be a string" : null
                : $"annotation key \"{key}\" must be a qualified name such as 'example.com/note'";
            Add(causes, $"metadata.annotations[{key}]", problem);
        }

        for (var i = 0; i < (metadata.Finalizers?.Count ?? 0); i++)
        {
            var finalizer = metadata.Finalizers![i];
            Add(causes, $"metadata.finalizers[{i}]", finalizer is null || LabelSyntax.ValidateKey(finalizer) is not null
                ? $"finalizer \"{finalizer}\" must be a qualified name such as 'example.com/cleanup'"
                : null);
        }

        for (var i = 0; i < (metadata.OwnerReferences?.Count ?? 0); i++)
        {
            var owner = metadata.OwnerReferences![i];
            Add(causes, $"metadata.ownerReferences[{i}]", owner is null
                || string.IsNullOrEmpty(owner.ApiVersion) || string.IsNullOrEmpty(owner.Kind)
                || string.IsNullOrEmpty(owner.Name) || string.IsNullOrEmpty(owner.Uid)
                    ? "an owner reference needs apiVersion, kind, name and uid"
                    : null);
        }
    }

    private static void Add(List<StatusCause> causes, string field, string? problem)
    {
        if (problem is not null)
        {
            causes.Add(new StatusCause { Reason = "FieldValueInvalid", Field = field, Message = problem });
        }
    }
}
