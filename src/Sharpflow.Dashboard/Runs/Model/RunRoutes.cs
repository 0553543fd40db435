namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>Dashboard URLs of the Runs pages.</summary>
internal static class RunRoutes
{
    public const string List = "/runs";

    public static string ListIn(string ns) => $"{List}?ns={Uri.EscapeDataString(ns)}";

    public static string Detail(string ns, string name) => $"{List}/{Uri.EscapeDataString(name)}?ns={Uri.EscapeDataString(ns)}";
}
