using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;

namespace Sharpflow.Server.Resources;

/// <summary>
/// Checks that a written object agrees with the URL it was sent to (apiVersion, kind, namespace and
/// name: 400 when not) and that its metadata is valid (422 naming each field), filling the namespace
/// and name from the URL when the body leaves them out.
/// </summary>
internal static class BodyConformance
{
    public static Resource Conform(Resource body, ResourceTarget target)
    {
        var kind = target.Kind;
        if (body.ApiVersion != kind.ApiVersion || body.Kind != kind.Kind)
        {
            throw ResourceException.BadRequest(
                $"the body is apiVersion \"{body.ApiVersion}\", kind \"{body.Kind}\" but the URL serves apiVersion \"{kind.ApiVersion}\", kind \"{kind.Kind}\"; send it to its own kind's URL",
                body.ApiVersion != kind.ApiVersion ? "apiVersion" : "kind");
        }

        // System.Text.Json leaves an absent or null metadata null despite the property's initializer.
        var metadata = body.Metadata ?? new ObjectMeta();
        var ns = metadata.Namespace;
        if (kind.Namespaced)
        {
            if (ns is not null && target.Namespace is not null && ns != target.Namespace)
            {
                throw ResourceException.BadRequest(
                    $"metadata.namespace \"{ns}\" in the body does not match the namespace \"{target.Namespace}\" in the URL", "metadata.namespace");
            }

            ns = target.Namespace ?? ns;
        }
        else
        {
            ns = null;
        }

        var name = metadata.Name;
        if (target.Name is not null)
        {
            if (name is not null && name != target.Name)
            {
                throw ResourceException.BadRequest(
                    $"metadata.name \"{name}\" in the body does not match the name \"{target.Name}\" in the URL", "metadata.name");
            }

            name = target.Name;
        }

        var causes = new List<StatusCause>();
        NameCause(kind, name, metadata.GenerateName, causes);
        MetadataValidation.Check(metadata, causes);
        if (causes.Count > 0)
        {
            throw ResourceException.Invalid(kind.Kind, name, causes);
        }

        return body with { Metadata = metadata with { Namespace = ns, Name = name } };
    }

    private static void NameCause(ResourceKind kind, string? name, string? generateName, List<StatusCause> causes)
    {
        if (name is null && !string.IsNullOrEmpty(generateName))
        {
            // The store appends a random suffix; the prefix must be valid on its own (without its trailing '-').
            var prefix = generateName.TrimEnd('-');
            var problem = prefix.Length == 0 ? "must start with an alphanumeric character" : Validate(kind, prefix);
            if (problem is not null)
            {
                causes.Add(new StatusCause { Reason = "FieldValueInvalid", Field = "metadata.generateName", Message = problem });
            }

            return;
        }

        if (Validate(kind, name) is { } error)
        {
            causes.Add(new StatusCause { Reason = "FieldValueInvalid", Field = "metadata.name", Message = error });
        }
    }

    private static string? Validate(ResourceKind kind, string? name) =>
        kind.Group.Length == 0 && kind.Kind == BuiltInKinds.Namespace.Kind ? Names.ValidateLabel(name) : Names.ValidateSubdomain(name);
}
