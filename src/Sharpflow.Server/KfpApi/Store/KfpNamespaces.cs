namespace Sharpflow.Server.KfpApi.Store;

/// <summary>The namespace a KFP request acts in: the one it names, else "default" (KFP's single-user mode).</summary>
internal static class KfpNamespaces
{
    public const string Default = "default";

    public static string Resolve(string? requested) => string.IsNullOrWhiteSpace(requested) ? Default : requested.Trim();
}
