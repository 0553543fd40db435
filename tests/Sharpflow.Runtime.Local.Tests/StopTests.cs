using System.Diagnostics;
using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class StopTests
{
    [Fact]
    public async Task StopAsync_CommandWithBackgroundChild_KillsTheWholeProcessGroup()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("tree", "sleep 30 & echo child=$!; wait"));
        var child = await ChildPidAsync(harness, "tree");
        var group = await harness.ProcessGroupAsync("tree");
        Assert.Equal(group, ProcFs.TryRead(child)!.Value.ProcessGroupId);

        await harness.Runtime.StopAsync("tree", TimeSpan.FromSeconds(5));

        var status = await harness.Runtime.GetAsync("tree");
        Assert.Equal(WorkloadPhase.Failed, status!.Phase);
        Assert.Equal("Stopped", status.Reason);
        Assert.Equal(128 + Native.SigTerm, status.ExitCode);
        Assert.Empty(ProcFs.ListGroup(group));
    }

    [Fact]
    public async Task StopAsync_SigtermTrapped_EscalatesToSigkillAfterTheGracePeriod()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("stubborn", "trap '' TERM; echo trapped; while :; do sleep 0.05; done"));
        await harness.WaitForLogLineAsync("stubborn", "trapped");
        var group = await harness.ProcessGroupAsync("stubborn");
        var grace = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();

        await harness.Runtime.StopAsync("stubborn", grace);

        Assert.True(watch.Elapsed >= grace, $"stopped after {watch.Elapsed}, before the grace period");
        var status = await harness.Runtime.GetAsync("stubborn");
        Assert.Equal("Stopped", status!.Reason);
        Assert.Equal(128 + Native.SigKill, status.ExitCode);
        Assert.Contains("SIGKILL", status.Message, StringComparison.Ordinal);
        Assert.Empty(ProcFs.ListGroup(group));
    }

    [Fact]
    public async Task StopAsync_CommandExitsCleanlyOnSigterm_StillEndsStopped()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("graceful", "trap 'echo bye; exit 0' TERM; echo ready; while :; do sleep 0.05; done"));
        await harness.WaitForLogLineAsync("graceful", "ready");

        await harness.Runtime.StopAsync("graceful", TimeSpan.FromSeconds(5));

        var status = await harness.Runtime.GetAsync("graceful");
        Assert.Equal(WorkloadPhase.Failed, status!.Phase);
        Assert.Equal("Stopped", status.Reason);
        Assert.Equal(0, status.ExitCode);
        var log = await harness.ReadLogAsync("graceful");
        Assert.Equal(("ready", "bye"), (log[0], log[^1]));
    }

    [Fact]
    public async Task StopAsync_RightAfterStart_StopsTheProcessOnceItRuns()
    {
        await using var harness = new RuntimeHarness();

        var started = await harness.Runtime.StartAsync(RuntimeHarness.Shell("quick-stop", "sleep 30"));
        await harness.Runtime.StopAsync("quick-stop", TimeSpan.FromSeconds(5));

        Assert.Equal(WorkloadPhase.Running, started.Phase);
        var status = await harness.Runtime.GetAsync("quick-stop");
        Assert.Equal((WorkloadPhase.Failed, "Stopped"), (status!.Phase, status.Reason));
        Assert.Empty(ProcFs.ListGroup(await harness.ProcessGroupAsync("quick-stop")));
    }

    [Fact]
    public async Task StopAsync_FinishedWorkload_LeavesItsStatusAlone()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("finished", "exit 0"));
        var before = await harness.WaitForFinishAsync("finished");

        await harness.Runtime.StopAsync("finished", TimeSpan.Zero);

        Assert.Equal(before, await harness.Runtime.GetAsync("finished"));
    }

    [Fact]
    public async Task CommandExits_BackgroundChildLeftBehind_IsKilled()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("leaver", "sleep 30 & echo child=$!"));
        var child = await ChildPidAsync(harness, "leaver");

        var status = await harness.WaitForFinishAsync("leaver");

        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Empty(ProcFs.ListGroup(await harness.ProcessGroupAsync("leaver")));
        Assert.True(ProcFs.TryRead(child) is null or { HasExited: true }, $"child {child} outlived its workload");
    }

    [Fact]
    public async Task CommandKilledAlone_ChildLeftInItsGroup_IsKilledAndTheWorkloadFailsWithSigkill()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("orphaned", "sleep 30 & echo child=$!; wait"));
        var child = await ChildPidAsync(harness, "orphaned");
        var group = await harness.ProcessGroupAsync("orphaned");

        using (var command = Process.GetProcessById(group))
        {
            command.Kill(entireProcessTree: false);
        }

        var status = await harness.WaitForFinishAsync("orphaned");
        Assert.Equal((WorkloadPhase.Failed, "Error", (int?)(128 + Native.SigKill)), (status.Phase, status.Reason, status.ExitCode));
        await RuntimeHarness.WaitUntilAsync(() => ProcFs.TryRead(child) is null or { HasExited: true });
        Assert.Empty(ProcFs.ListGroup(group));
    }

    [Fact]
    public async Task SupervisorKilled_RunningWorkloadEndsKilledAndTheNextOneStarts()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("abandoned"));
        var group = await harness.ProcessGroupAsync("abandoned");
        var supervisor = ProcFs.TryRead(group)!.Value.ParentPid;

        Native.SignalGroup(supervisor, Native.SigKill);
        await RuntimeHarness.WaitUntilAsync(() => ProcFs.TryRead(supervisor) is null or { HasExited: true });
        harness.Go("abandoned");

        var status = await harness.WaitForFinishAsync("abandoned");
        Assert.Equal((WorkloadPhase.Failed, "Killed", (int?)null), (status.Phase, status.Reason, status.ExitCode));
        Assert.Contains("supervisor", status.Message, StringComparison.Ordinal);
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("next", "exit 4"));
        Assert.Equal(4, (await harness.WaitForFinishAsync("next")).ExitCode);
    }

    [Fact]
    public async Task DeleteAsync_RunningWorkload_StopsItAndRemovesItsDirectory()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("doomed"));
        await harness.WaitForLogLineAsync("doomed", "waiting");
        var group = await harness.ProcessGroupAsync("doomed");

        await harness.Runtime.DeleteAsync("doomed");

        Assert.Null(await harness.Runtime.GetAsync("doomed"));
        Assert.Empty(ProcFs.ListGroup(group));
        Assert.False(Directory.Exists(harness.WorkloadDirectory("doomed")));
    }

    [Fact]
    public async Task WatchAsync_WorkloadRunsAndIsStopped_ReportsEachChange()
    {
        await using var harness = new RuntimeHarness();
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        await using var watch = harness.Runtime.WatchAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var first = watch.MoveNextAsync();

        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("watched"));
        Assert.True(await first);
        Assert.Equal(("watched", WorkloadPhase.Running), (watch.Current.Id, watch.Current.Phase));
        await harness.Runtime.StopAsync("watched", TimeSpan.FromSeconds(5));
        Assert.True(await watch.MoveNextAsync());

        Assert.Equal(("watched", WorkloadPhase.Failed, "Stopped"), (watch.Current.Id, watch.Current.Phase, watch.Current.Reason));
    }

    private static async Task<int> ChildPidAsync(RuntimeHarness harness, string id)
    {
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        await foreach (var line in harness.Runtime.ReadLogAsync(id, new LogOptions { Follow = true }, timeout.Token))
        {
            if (line.StartsWith("child=", StringComparison.Ordinal))
            {
                return int.Parse(line["child=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("The workload never printed its child's pid.");
    }
}
