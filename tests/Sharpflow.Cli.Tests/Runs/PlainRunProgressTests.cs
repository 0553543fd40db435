using Sharpflow.Cli.Runs;
using Sharpflow.Core.Executions;
using static Sharpflow.Cli.Tests.Runs.Executions;

namespace Sharpflow.Cli.Tests.Runs;

public sealed class PlainRunProgressTests
{
    [Fact]
    public void Show_SnapshotsOfARun_PrintsOneLinePerStateChange()
    {
        using var writer = new StringWriter();
        var progress = new PlainRunProgress(writer);

        progress.Show(new RunSnapshot(Run("PENDING"), []), Start);
        progress.Show(
            new RunSnapshot(Run("RUNNING"), [Task("root", TaskExecutionKind.Root, TaskExecutionState.Running, 0.2), Task("root/a", TaskExecutionKind.Container, TaskExecutionState.Running, 0.3)]),
            Start.AddSeconds(1));
        progress.Show(
            new RunSnapshot(Run("RUNNING"), [Task("root", TaskExecutionKind.Root, TaskExecutionState.Running, 0.2), Task("root/a", TaskExecutionKind.Container, TaskExecutionState.Running, 0.3)]),
            Start.AddSeconds(2));
        progress.Show(
            new RunSnapshot(Run("RUNNING"), [Task("root", TaskExecutionKind.Root, TaskExecutionState.Running, 0.2), Task("root/a", TaskExecutionKind.Container, TaskExecutionState.Running, 0.3, attempts: 2)]),
            Start.AddSeconds(3));
        progress.Show(
            new RunSnapshot(
                Run("FAILED", 65),
                [
                    Task("root", TaskExecutionKind.Root, TaskExecutionState.Failed, 0.2, 64),
                    Task("root/a", TaskExecutionKind.Container, TaskExecutionState.Failed, 0.3, 63.5, "the process exited with code 2", attempts: 2),
                    Task("root/b", TaskExecutionKind.Container, TaskExecutionState.Skipped, error: "an upstream task did not succeed"),
                ]),
            Start.AddSeconds(70));

        Assert.Equal(
            """
            [00:00] run demo-x1 PENDING
            [00:01] run demo-x1 RUNNING
            [00:01] a RUNNING
            [00:03] a RUNNING (attempt 2)
            [01:05] a FAILED (attempt 2) 63s: the process exited with code 2
            [01:05] b SKIPPED: an upstream task did not succeed
            [01:05] run demo-x1 FAILED

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }
}
