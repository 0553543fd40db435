using Sharpflow.Client;

namespace Sharpflow.Dashboard.Model;

/// <summary>
/// Dashboard URLs of kinds and objects: <c>/resources/{group}/{version}/{plural}[/{name}]?ns=</c>,
/// with "core" standing for the core group (an empty group cannot be a URL segment).
/// </summary>
internal static class KindRoutes
{
    public const string CoreSegment = "core";

    public static string GroupSegment(string group) => group.Length == 0 ? CoreSegment : group;

    public static string GroupFromSegment(string segment) => segment is CoreSegment or "-" ? string.Empty : segment;

    public static string List(KindInfo kind, string ns) =>
        $"/resources/{GroupSegment(kind.Group)}/{kind.Version}/{kind.Plural}{Query(ns)}";

    public static string Detail(KindInfo kind, string ns, string name) =>
        $"/resources/{GroupSegment(kind.Group)}/{kind.Version}/{kind.Plural}/{Uri.EscapeDataString(name)}{Query(ns)}";

    public static string WithNamespace(string path, string ns) => path + Query(ns);

    /// <summary>Whether a path (without query) is an object's page, <c>/resources/{group}/{version}/{plural}/{name}</c> or <c>/runs/{name}</c>.</summary>
    public static bool IsDetailPath(string path)
    {
        var segments = path.Split('/');
        return segments is ["", "resources", _, _, _, { Length: > 0 }] or ["", "runs", { Length: > 0 }];
    }

    public static KindInfo? Find(IEnumerable<KindInfo> kinds, string groupSegment, string version, string plural)
    {
        var group = GroupFromSegment(groupSegment);
        return kinds.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);
    }

    /// <summary>The kind an object's apiVersion and kind name refer to, for links from events and owner references.</summary>
    public static KindInfo? Find(IEnumerable<KindInfo> kinds, string apiVersion, string kind) =>
        kinds.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);

    private static string Query(string ns) => "?ns=" + Uri.EscapeDataString(ns);
}
