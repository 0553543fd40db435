using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;

namespace Sharpflow.Server.Resources;

/// <summary>
/// Reads the part of a resource URL after <c>/api/v1</c> or <c>/apis/{group}/{version}</c>:
/// <c>{plural}[/{name}[/status]]</c> or <c>namespaces/{ns}/{plural}[/{name}[/status]]</c>.
/// <c>namespaces/{name}/status</c> in the core group is the Namespace's own status, as in Kubernetes.
/// </summary>
internal sealed class ResourcePathResolver(KindRegistry kinds)
{
    public ResourceTarget Resolve(string group, string version, string? path)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            throw NotFound($"{Root(group, version)}: name a kind's plural after it, e.g. {Root(group, version)}/namespaces/default/{{plural}}");
        }

        var namespacedForm = segments.Length >= 3
            && segments[0] == "namespaces"
            && !(group.Length == 0 && segments.Length == 3 && segments[2] == ResourceTarget.StatusSubresource);
        var (ns, rest) = namespacedForm ? (segments[1], segments[2..]) : ((string?)null, segments);
        if (rest.Length > 3)
        {
            throw NotFound($"kind \"{rest[0]}\": the path has too many segments");
        }

        var kind = kinds.FindByPlural(group, version, rest[0]) ?? throw UnknownKind(group, version, rest[0]);
        var name = rest.Length > 1 ? rest[1] : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        if (namespacedForm && !kind.Namespaced)
        {
            throw NotFound($"kind \"{kind.Kind}\" is cluster-scoped: address it as {Root(group, version)}/{kind.Plural}");
        }

        if (!namespacedForm && kind.Namespaced && name is not null)
        {
            throw NotFound($"kind \"{kind.Kind}\" is namespaced: address it as {Root(group, version)}/namespaces/{{namespace}}/{kind.Plural}/{name}");
        }

        if (subresource is not null && (subresource != ResourceTarget.StatusSubresource || !kind.HasStatusSubresource))
        {
            throw NotFound($"kind \"{kind.Kind}\" has no subresource \"{subresource}\"");
        }

        return new ResourceTarget(kind, ns, name, subresource);
    }

    private ResourceException UnknownKind(string group, string version, string plural)
    {
        var elsewhere = kinds.All.Where(k => k.Plural == plural).Select(k => $"{Root(k.Group, k.Version)}/{k.Plural}").ToList();
        var hint = elsewhere.Count == 0 ? string.Empty : $"; it is served at {string.Join(", ", elsewhere)}";
        return NotFound($"kind \"{plural}\"{hint}");
    }

    private static ResourceException NotFound(string what) =>
        ResourceException.NotFound($"the server could not find the requested resource ({what})");

    private static string Root(string group, string version) => group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
}
