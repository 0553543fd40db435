using Sharpflow.Dashboard.Runs.Graph;

namespace Sharpflow.E2E.Tests.Runs;

public sealed class PipelineDagReaderTests
{
    [Fact]
    public void Read_CollectedParametersRoot_HasNestedPipelineFeedingItsConsumer()
    {
        var dag = PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.CollectedParameters), null)!;

        Assert.Equal(["collecting-parameters", "consume-ids"], dag.Nodes.Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Equal(DagNodeKind.Dag, dag.Find("collecting-parameters")!.Kind);
        Assert.Equal("comp-collecting-parameters", dag.Find("collecting-parameters")!.ComponentName);
        Assert.Equal(DagNodeKind.Container, dag.Find("consume-ids")!.Kind);
        Assert.Equal([new DagEdge("collecting-parameters", "consume-ids")], dag.Edges);
    }

    [Fact]
    public void Read_NestedPipeline_HasTheLoopBetweenProducerAndCollector()
    {
        var dag = PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.CollectedParameters), "comp-collecting-parameters")!;

        Assert.Equal(DagNodeKind.Loop, dag.Find("for-loop-1")!.Kind);
        Assert.Equal(
            [new DagEdge("for-loop-1", "consume-ids"), new DagEdge("split-ids", "for-loop-1")],
            dag.Edges.OrderBy(e => e.From, StringComparer.Ordinal));
    }

    [Fact]
    public void Read_LoopBody_HasDataEdgeWithoutDuplicatingTheDependency()
    {
        var dag = PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.CollectedParameters), "comp-for-loop-1")!;

        Assert.Equal([new DagEdge("prepend-id", "consume-single-id")], dag.Edges);
    }

    [Fact]
    public void Read_FlipCoin_BranchesAreConditionsAfterTheCoin()
    {
        var dag = PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.FlipCoin), null)!;

        Assert.Equal(3, dag.Nodes.Count);
        Assert.All(dag.Nodes.Where(n => n.Key.StartsWith("condition", StringComparison.Ordinal)), n =>
        {
            Assert.Equal(DagNodeKind.Condition, n.Kind);
            Assert.Contains("flip-coin-Output", n.Condition, StringComparison.Ordinal);
        });
        Assert.Equal(2, dag.Edges.Count(e => e.From == "flip-coin"));
    }

    [Fact]
    public void Read_ExitHandler_MarksTheBodyAndTheExitTask()
    {
        var dag = PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.ExitHandler), null)!;

        Assert.Equal(DagNodeKind.ExitHandler, dag.Find("exit-handler-1")!.Kind);
        Assert.True(dag.Find("print-op")!.RunsAfterUpstreamCompleted);
        Assert.Equal([new DagEdge("exit-handler-1", "print-op")], dag.Edges);
    }

    [Fact]
    public void Read_Importer_IsAnImporterNode()
    {
        var dag = PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.Importer), null)!;

        Assert.Equal(DagNodeKind.Importer, dag.Find("importer")!.Kind);
        Assert.Contains(new DagEdge("importer", "train"), dag.Edges);
    }

    [Fact]
    public void Read_ContainerComponent_HasNoDag()
    {
        Assert.Null(PipelineDagReader.Read(AcceptancePipelines.Spec(AcceptancePipelines.FlipCoin), "comp-flip-coin"));
    }
}
