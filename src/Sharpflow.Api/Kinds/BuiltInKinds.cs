namespace Sharpflow.Api.Kinds;

/// <summary>Kinds the platform itself owns. Components register their own kinds beside these.</summary>
public static class BuiltInKinds
{
    public static readonly ResourceKind Namespace = new()
    {
        Group = string.Empty,
        Version = "v1",
        Kind = "Namespace",
        Plural = "namespaces",
        Namespaced = false,
        ShortNames = ["ns"],
    };

    public static readonly ResourceKind ConfigMap = new()
    {
        Group = string.Empty,
        Version = "v1",
        Kind = "ConfigMap",
        Plural = "configmaps",
        ShortNames = ["cm"],
        HasStatusSubresource = false,
    };

    /// <summary>A container run as a workload; the core group, as Kubernetes has it.</summary>
    public static readonly ResourceKind Pod = new()
    {
        Group = string.Empty,
        Version = "v1",
        Kind = "Pod",
        Plural = "pods",
        ShortNames = ["po"],
    };

    public static IEnumerable<ResourceKind> All => [Namespace, ConfigMap, Pod];
}
