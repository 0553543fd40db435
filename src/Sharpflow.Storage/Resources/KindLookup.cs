using System.Collections.Concurrent;
using Sharpflow.Api.Kinds;

namespace Sharpflow.Storage.Resources;

/// <summary>
/// Finds a kind's traits by group and kind (resource keys carry no version). Unknown kinds are treated
/// as namespaced with a status subresource; only known kinds are cached, since kinds may be registered later.
/// </summary>
internal sealed class KindLookup(KindRegistry registry)
{
    private static readonly KindTraits Unknown = new(Namespaced: true, HasStatusSubresource: true, ApiVersion: null);

    private readonly ConcurrentDictionary<(string Group, string Kind), KindTraits> _known = new();

    /// <summary>The registered apiVersion of a kind, or "{group}/v1" for an unknown one.</summary>
    public string ApiVersionOf(string group, string kind) =>
        Find(group, kind).ApiVersion ?? Api.Resources.ApiVersions.Join(group, "v1");

    public KindTraits Find(string group, string kind)
    {
        if (_known.TryGetValue((group, kind), out var traits))
        {
            return traits;
        }

        var found = registry.All.FirstOrDefault(k => k.Group == group && k.Kind == kind);
        if (found is null)
        {
            return Unknown;
        }

        traits = new KindTraits(found.Namespaced, found.HasStatusSubresource, found.ApiVersion);
        _known[(group, kind)] = traits;
        return traits;
    }
}
