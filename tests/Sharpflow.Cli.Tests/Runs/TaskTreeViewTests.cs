using Sharpflow.Cli.Runs;
using Sharpflow.Core.Executions;
using static Sharpflow.Cli.Tests.Runs.Executions;

namespace Sharpflow.Cli.Tests.Runs;

public sealed class TaskTreeViewTests
{
    private static readonly TaskExecution[] Tasks =
    [
        Task("root", TaskExecutionKind.Root, TaskExecutionState.Running, 0),
        Task("root/loop", TaskExecutionKind.Loop, TaskExecutionState.Running, 2),
        Task("root/loop/10", TaskExecutionKind.Iteration, TaskExecutionState.Running, 2.5, iteration: 10),
        Task("root/loop/10/train", TaskExecutionKind.Container, TaskExecutionState.Running, 2.5, attempts: 2),
        Task("root/loop/2", TaskExecutionKind.Iteration, TaskExecutionState.Failed, 2, 1, "train: the process exited with code 1", iteration: 2),
        Task("root/loop/2/train", TaskExecutionKind.Container, TaskExecutionState.Failed, 2, 1, "the process exited with code 1"),
        Task("root/prepare", TaskExecutionKind.Container, TaskExecutionState.Succeeded, 0.1, 1.2),
        Task("root/fetch", TaskExecutionKind.Container, TaskExecutionState.Cached, 0),
        Task("root/report", TaskExecutionKind.Container, TaskExecutionState.Skipped, error: "an upstream task did not succeed"),
    ];

    [Fact]
    public void Build_NestedRun_ShowsLoopsIterationsStatesDurationsAndErrors()
    {
        var snapshot = new RunSnapshot(Run("RUNNING"), Tasks);

        var text = Render(TaskTreeView.Build(snapshot, Start.AddSeconds(4)));

        Assert.Equal(
            """
            demo-x1 pipeline demo  RUNNING  4.0s
            ├── ✔ fetch  CACHED  (cached)
            ├── ✔ prepare  SUCCEEDED  1.2s
            ├── ▶ loop  RUNNING  2.0s
            │   ├── ✘ iteration 2  FAILED  1.0s  train: the process exited with code 1
            │   │   └── ✘ train  FAILED  1.0s  the process exited with code 1
            │   └── ▶ iteration 10  RUNNING  1.5s
            │       └── ▶ train  RUNNING  1.5s  (attempt 2)
            └── ⊘ report  SKIPPED  an upstream task did not succeed
            """,
            text);
    }

    [Fact]
    public void Build_WideLoopWithIterationLimit_ShowsUnfinishedOnesAndCountsTheRest()
    {
        var tasks = new List<TaskExecution> { Task("root", TaskExecutionKind.Root, TaskExecutionState.Running, 0), Task("root/loop", TaskExecutionKind.Loop, TaskExecutionState.Running, 0) };
        for (var i = 0; i < 12; i++)
        {
            var state = i < 9 ? TaskExecutionState.Succeeded : TaskExecutionState.Running;
            tasks.Add(Task($"root/loop/{i}", TaskExecutionKind.Iteration, state, 0, state == TaskExecutionState.Succeeded ? 1 : null, iteration: i));
        }

        var text = Render(TaskTreeView.Build(new RunSnapshot(Run("RUNNING"), tasks), Start.AddSeconds(3), maxIterations: 2));

        Assert.Equal(
            """
            demo-x1 pipeline demo  RUNNING  3.0s
            └── ▶ loop  RUNNING  3.0s
                ├── ▶ iteration 9  RUNNING  3.0s
                ├── ▶ iteration 10  RUNNING  3.0s
                └── … and 10 iterations: 1 running, 9 succeeded
            """,
            text);
    }

    [Fact]
    public void Build_BeforeTheEngineRecordedTasks_ShowsOnlyTheRun()
    {
        var text = Render(TaskTreeView.Build(new RunSnapshot(Run("PENDING"), []), Start));

        Assert.Equal("demo-x1 pipeline demo  PENDING  0.0s", text);
    }

    private static string Render(Spectre.Console.Rendering.IRenderable renderable)
    {
        using var writer = new StringWriter();
        PlainText.Write(writer, renderable);
        return writer.ToString().TrimEnd('\n').ReplaceLineEndings("\n");
    }
}
