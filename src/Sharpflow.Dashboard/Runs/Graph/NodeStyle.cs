using MudBlazor;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>The icons a graph node is drawn with: one for its state, one for the kind of node it opens into.</summary>
internal static class NodeStyle
{
    public static string StateIcon(NodeState state) => state switch
    {
        NodeState.Pending => Icons.Material.Outlined.Schedule,
        NodeState.Running => Icons.Material.Filled.Autorenew,
        NodeState.Succeeded => Icons.Material.Filled.CheckCircle,
        NodeState.Cached => Icons.Material.Filled.Cached,
        NodeState.Failed => Icons.Material.Filled.Error,
        NodeState.Skipped => Icons.Material.Filled.SkipNext,
        NodeState.Canceled => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Outlined.RadioButtonUnchecked,
    };

    public static string? KindIcon(DagNodeKind kind) => kind switch
    {
        DagNodeKind.Dag => Icons.Material.Outlined.AccountTree,
        DagNodeKind.Condition => Icons.Material.Outlined.CallSplit,
        DagNodeKind.Loop => Icons.Material.Outlined.Repeat,
        DagNodeKind.ExitHandler => Icons.Material.Outlined.ExitToApp,
        DagNodeKind.Iteration => Icons.Material.Outlined.AccountTree,
        DagNodeKind.Importer => Icons.Material.Outlined.FileDownload,
        _ => null,
    };

    /// <summary>A name cut to what fits in a node box, with an ellipsis.</summary>
    public static string Fit(string text, int characters) =>
        text.Length <= characters ? text : string.Concat(text.AsSpan(0, characters - 1), "…");
}
