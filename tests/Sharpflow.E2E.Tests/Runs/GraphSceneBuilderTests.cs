using Sharpflow.Core.Executions;
using Sharpflow.Dashboard.Runs.Graph;

namespace Sharpflow.E2E.Tests.Runs;

public sealed class GraphSceneBuilderTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static TaskExecution Execution(string path, TaskExecutionKind kind, TaskExecutionState state, int? index = null, double seconds = 2) => new()
    {
        Id = "uid/" + path,
        RunUid = "uid",
        Namespace = "default",
        RunName = "run",
        PipelineName = "collecting-parameters",
        TaskPath = path,
        TaskName = path[(path.LastIndexOf('/') + 1)..],
        Kind = kind,
        IterationIndex = index,
        State = state,
        StartedAt = Now.AddSeconds(-10),
        FinishedAt = state is TaskExecutionState.Running or TaskExecutionState.Pending ? null : Now.AddSeconds(-10 + seconds),
    };

    private static GraphSceneBuilder Builder() => new(AcceptancePipelines.Spec(AcceptancePipelines.CollectedParameters), LayoutOptions.Default);

    [Fact]
    public void Build_Root_ColoursNodesByTheirExecutions()
    {
        var tree = new TaskTree(
        [
            Execution("root", TaskExecutionKind.Root, TaskExecutionState.Running),
            Execution("root/collecting-parameters", TaskExecutionKind.Dag, TaskExecutionState.Succeeded, seconds: 4.2),
        ]);

        var scene = Builder().Build(GraphLevel.Root("collecting-parameters"), tree, Now);

        Assert.Equal(NodeState.Succeeded, scene.Find("collecting-parameters")!.State);
        Assert.Equal("pipeline · 4.2s", scene.Find("collecting-parameters")!.Detail);
        Assert.Equal(NodeState.NotStarted, scene.Find("consume-ids")!.State);
        Assert.Equal("container", scene.Find("consume-ids")!.Detail);
        Assert.True(Assert.Single(scene.Edges).Satisfied);
    }

    [Fact]
    public void Build_RunningContainer_ShowsElapsedTime()
    {
        var tree = new TaskTree([Execution("root/consume-ids", TaskExecutionKind.Container, TaskExecutionState.Running)]);

        var scene = Builder().Build(GraphLevel.Root("p"), tree, Now);

        Assert.Equal(NodeState.Running, scene.Find("consume-ids")!.State);
        Assert.Equal("container · 10s", scene.Find("consume-ids")!.Detail);
        Assert.False(Assert.Single(scene.Edges).Satisfied);
    }

    [Fact]
    public void Build_LoopLevel_DrawsOneNodePerIterationThatOpensTheLoopBody()
    {
        var root = GraphLevel.Root("p");
        var nested = root.Enter(Builder().DagOf(root)!.Find("collecting-parameters")!);
        var builder = Builder();
        var loop = nested.Enter(builder.DagOf(nested)!.Find("for-loop-1")!);
        var tree = new TaskTree(
        [
            Execution("root/collecting-parameters/for-loop-1", TaskExecutionKind.Loop, TaskExecutionState.Running),
            Execution("root/collecting-parameters/for-loop-1/1", TaskExecutionKind.Iteration, TaskExecutionState.Running, index: 1),
            Execution("root/collecting-parameters/for-loop-1/0", TaskExecutionKind.Iteration, TaskExecutionState.Succeeded, index: 0) with
            {
                Inputs = """{"parameters": {"pipelinechannel--split-ids-Output-loop-item": "s1"}, "artifacts": {}}""",
            },
            Execution("root/collecting-parameters/for-loop-1/0/prepend-id", TaskExecutionKind.Container, TaskExecutionState.Succeeded),
        ]);

        var scene = builder.Build(loop, tree, Now);

        Assert.Equal(GraphLevelKind.Iterations, loop.Kind);
        Assert.Equal("root/collecting-parameters/for-loop-1", loop.ExecutionPath);
        Assert.Equal(["0", "1"], scene.Nodes.Select(n => n.Node.Key));
        Assert.Equal([NodeState.Succeeded, NodeState.Running], scene.Nodes.Select(n => n.State));
        Assert.Equal("item s1 · 2.0s", scene.Nodes[0].Detail);
        var iteration = loop.Enter(scene.Nodes[0].Node);
        var body = builder.Build(iteration, tree, Now);
        Assert.Equal("root/collecting-parameters/for-loop-1/0", iteration.ExecutionPath);
        Assert.Equal("comp-for-loop-1", iteration.ComponentName);
        Assert.Equal(NodeState.Succeeded, body.Find("prepend-id")!.State);
        Assert.Equal(NodeState.NotStarted, body.Find("consume-single-id")!.State);
    }

    [Fact]
    public void Build_LoopNodeWithIterations_CountsThoseDone()
    {
        var builder = Builder();
        var nested = GraphLevel.Root("p").Enter(builder.DagOf(GraphLevel.Root("p"))!.Find("collecting-parameters")!);
        var tree = new TaskTree(
        [
            Execution("root/collecting-parameters/for-loop-1", TaskExecutionKind.Loop, TaskExecutionState.Running),
            Execution("root/collecting-parameters/for-loop-1/0", TaskExecutionKind.Iteration, TaskExecutionState.Succeeded, index: 0),
            Execution("root/collecting-parameters/for-loop-1/1", TaskExecutionKind.Iteration, TaskExecutionState.Running, index: 1),
            Execution("root/collecting-parameters/for-loop-1/2", TaskExecutionKind.Iteration, TaskExecutionState.Running, index: 2),
        ]);

        var scene = builder.Build(nested, tree, Now);

        Assert.Equal("loop · 1 of 3 done", scene.Find("for-loop-1")!.Detail);
    }

    [Fact]
    public void Build_LoopNotStarted_SaysWhereIterationsWillAppear()
    {
        var builder = Builder();
        var nested = GraphLevel.Root("p").Enter(builder.DagOf(GraphLevel.Root("p"))!.Find("collecting-parameters")!);
        var loop = nested.Enter(builder.DagOf(nested)!.Find("for-loop-1")!);

        var scene = builder.Build(loop, TaskTree.Empty, Now);

        Assert.Empty(scene.Nodes);
        Assert.Contains("once it starts", scene.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enter_ContainerNode_Throws()
    {
        var node = new DagNode { Key = "train", Label = "train", Kind = DagNodeKind.Container };

        Assert.Throws<InvalidOperationException>(() => GraphLevel.Root("p").Enter(node));
    }
}
