using Sharpflow.Dashboard.Runs.Graph;

namespace Sharpflow.E2E.Tests.Runs;

public sealed class LayeredLayoutTests
{
    private static readonly LayoutOptions Options = LayoutOptions.Default;

    private static DagGraph Graph(string nodes, params (string From, string To)[] edges) => new(
        [.. nodes.Split(' ').Select(key => new DagNode { Key = key, Label = key, Kind = DagNodeKind.Container })],
        [.. edges.Select(e => new DagEdge(e.From, e.To))]);

    [Fact]
    public void Compute_Chain_PutsEveryProducerAboveItsConsumer()
    {
        var layout = LayeredLayout.Compute(Graph("a b c", ("a", "b"), ("b", "c")), Options);

        Assert.True(layout.Node("a")!.Y + Options.NodeHeight <= layout.Node("b")!.Y);
        Assert.True(layout.Node("b")!.Y + Options.NodeHeight <= layout.Node("c")!.Y);
    }

    [Fact]
    public void Compute_DiamondWithShortcutAndIsolatedNode_BoxesNeitherOverlapNorLeaveTheDrawing()
    {
        var layout = LayeredLayout.Compute(
            Graph("a b c d e lone", ("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("a", "d"), ("d", "e"), ("a", "e")),
            Options);

        Assert.Equal(6, layout.Nodes.Count);
        foreach (var box in layout.Nodes)
        {
            Assert.InRange(box.X, Options.Margin - 0.01, layout.Width - Options.Margin - box.Width + 0.01);
            Assert.InRange(box.Y, Options.Margin - 0.01, layout.Height - Options.Margin - box.Height + 0.01);
            Assert.DoesNotContain(layout.Nodes, other => other != box && other.Overlaps(box));
        }
    }

    [Fact]
    public void Compute_EveryEdge_LeavesTheSourceBottomAndEntersTheTargetTop()
    {
        var layout = LayeredLayout.Compute(Graph("a b c d", ("a", "b"), ("b", "c"), ("a", "c"), ("a", "d")), Options);

        Assert.Equal(4, layout.Edges.Count);
        foreach (var edge in layout.Edges)
        {
            Assert.Equal(layout.Node(edge.From)!.BottomCenter, edge.Points[0]);
            Assert.Equal(layout.Node(edge.To)!.TopCenter, edge.Points[^1]);
            Assert.StartsWith("M", edge.PathData, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compute_EdgeSpanningTwoLayers_BendsAroundTheMiddleLayer()
    {
        var layout = LayeredLayout.Compute(Graph("a b c", ("a", "b"), ("b", "c"), ("a", "c")), Options);

        var shortcut = layout.Edges.Single(e => e is { From: "a", To: "c" });
        Assert.True(shortcut.Points.Count > 2, "the a→c edge should route through a bend point beside b");
        Assert.False(layout.Node("b")!.Overlaps(new NodeBox("bend", shortcut.Points[1].X, shortcut.Points[1].Y, 1, 1)));
    }

    [Fact]
    public void Compute_UnlinkedTasks_SitInTheTopRowRightOfTheRest()
    {
        var layout = LayeredLayout.Compute(Graph("lone1 a b lone2", ("a", "b")), Options);

        Assert.Equal(layout.Node("a")!.Y, layout.Node("lone1")!.Y);
        Assert.True(layout.Node("lone1")!.X >= layout.Node("a")!.X + Options.NodeWidth);
        Assert.True(layout.Node("lone2")!.X > layout.Node("lone1")!.X);
        Assert.Equal(["lone1", "a", "b", "lone2"], layout.Nodes.Select(n => n.Key));
    }

    [Fact]
    public void Compute_NoEdges_IsOneRow()
    {
        var layout = LayeredLayout.Compute(Graph("x y z"), Options);

        Assert.Single(layout.Nodes.Select(n => n.Y).Distinct());
        Assert.Equal(Options.Margin, layout.Node("x")!.X);
    }

    [Fact]
    public void Compute_NoNodes_IsEmpty()
    {
        Assert.Same(GraphLayout.Empty, LayeredLayout.Compute(new DagGraph([], []), Options));
    }

    [Fact]
    public void GridCompute_SevenIterations_WrapsAfterFiveColumns()
    {
        var layout = GridLayout.Compute(["0", "1", "2", "3", "4", "5", "6"], Options);

        Assert.Equal(layout.Node("0")!.Y, layout.Node("4")!.Y);
        Assert.True(layout.Node("5")!.Y > layout.Node("4")!.Y);
        Assert.Equal(layout.Node("0")!.X, layout.Node("5")!.X);
    }

    [Fact]
    public void Curve_TwoPoints_IsOneVerticalSCurve()
    {
        Assert.Equal("M10,0 C10,25 30,25 30,50", EdgePaths.Curve([new LayoutPoint(10, 0), new LayoutPoint(30, 50)]));
    }
}
