namespace Sharpflow.Api.Resources;

/// <summary>Splits and joins <c>apiVersion</c> strings ("group/version", or just "version" for the core group).</summary>
public static class ApiVersions
{
    public static string Group(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }

    public static string Version(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
    }

    public static string Join(string group, string version) =>
        group.Length == 0 ? version : $"{group}/{version}";
}
