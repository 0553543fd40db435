using System.Collections.Concurrent;

namespace Sharpflow.Api.Kinds;

/// <summary>
/// Maps group/version/kind to plural and typed spec and status, and resolves the names users type
/// (kind, plural, singular, short name, optionally qualified with the group, e.g. "experiments.kubeflow.org").
/// </summary>
public sealed class KindRegistry
{
    private readonly ConcurrentDictionary<(string Group, string Version, string Kind), ResourceKind> _byKind = new();

    public KindRegistry(IEnumerable<ResourceKind>? kinds = null)
    {
        foreach (var kind in kinds ?? [])
        {
            Register(kind);
        }
    }

    public IEnumerable<ResourceKind> All => _byKind.Values.OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal);

    public void Register(ResourceKind kind) => _byKind[(kind.Group, kind.Version, kind.Kind)] = kind;

    public ResourceKind? Find(string apiVersion, string kind) =>
        _byKind.GetValueOrDefault((Resources.ApiVersions.Group(apiVersion), Resources.ApiVersions.Version(apiVersion), kind));

    public ResourceKind? FindByPlural(string group, string version, string plural) =>
        _byKind.Values.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);

    /// <summary>
    /// Resolves a user-typed name. A bare name matching kinds in several groups (Katib's and KFP's
    /// "Experiment") is ambiguous: the caller gets every match and should ask for the qualified name.
    /// </summary>
    public IReadOnlyList<ResourceKind> Resolve(string name)
    {
        var lower = name.ToLowerInvariant();
        var dot = lower.IndexOf('.', StringComparison.Ordinal);
        var (bare, group) = dot < 0 ? (lower, (string?)null) : (lower[..dot], lower[(dot + 1)..]);
        return All.Where(k => (group is null || k.Group == group)
                && (k.Plural == bare || k.Singular == bare || k.ShortNames.Contains(bare, StringComparer.Ordinal)))
            .GroupBy(k => (k.Group, k.Kind))
            .Select(g => g.First())
            .ToList();
    }
}
