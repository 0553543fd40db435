namespace Sharpflow.Dashboard.Runs.Graph;

internal static class NodeKinds
{
    public static string Label(DagNodeKind kind) => kind switch
    {
        DagNodeKind.Container => "container",
        DagNodeKind.Importer => "importer",
        DagNodeKind.Resolver => "resolver",
        DagNodeKind.Dag => "pipeline",
        DagNodeKind.Condition => "condition",
        DagNodeKind.Loop => "loop",
        DagNodeKind.ExitHandler => "exit handler",
        DagNodeKind.Iteration => "iteration",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The lower-case name used in CSS classes and test attributes.</summary>
    public static string Slug(DagNodeKind kind) => kind == DagNodeKind.ExitHandler ? "exit-handler" : kind.ToString().ToLowerInvariant();
}
