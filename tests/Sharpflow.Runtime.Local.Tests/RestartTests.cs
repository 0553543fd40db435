using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_FinishedWorkload_KeepsStatusAndLogs()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("done", "echo kept; exit 5"));
        var before = await harness.WaitForFinishAsync("done");

        await harness.RestartAsync();

        var after = await harness.Runtime.GetAsync("done");
        Assert.NotNull(after);
        Assert.Equal(before.Phase, after.Phase);
        Assert.Equal(5, after.ExitCode);
        Assert.Equal(before.FinishedAt, after.FinishedAt);
        Assert.Equal(["kept"], await harness.ReadLogAsync("done"));
    }

    [Fact]
    public async Task Restart_IdDeletedAndSubmittedAgain_KeepsOnlyTheNewWorkload()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("again", "echo first; exit 3"));
        await harness.WaitForFinishAsync("again");
        await harness.Runtime.DeleteAsync("again");
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("again", "echo second"));
        await harness.WaitForFinishAsync("again");

        await harness.RestartAsync();

        var status = await harness.Runtime.GetAsync("again");
        Assert.Equal((WorkloadPhase.Succeeded, (int?)0), (status!.Phase, status.ExitCode));
        Assert.Equal(["second"], await harness.ReadLogAsync("again"));
    }

    [Fact]
    public async Task Restart_ManyShortWorkloads_EachKeepsItsFinalStatus()
    {
        await using var harness = new RuntimeHarness();
        var ids = Enumerable.Range(0, 24).Select(i => $"short-{i}").ToList();
        await Task.WhenAll(ids.Select((id, i) => harness.Runtime.StartAsync(RuntimeHarness.Shell(id, $"exit {i % 3}"))));
        foreach (var id in ids)
        {
            await harness.WaitForFinishAsync(id);
        }

        await harness.RestartAsync();

        var statuses = await harness.Runtime.ListAsync();
        Assert.Equal(ids.Select((_, i) => (int?)(i % 3)), ids.Select(id => statuses.Single(s => s.Id == id).ExitCode));
        Assert.All(statuses, status => Assert.True(status.IsFinished, $"{status.Id} is {status.Phase} after the restart"));
    }

    [Fact]
    public async Task Restart_RunningWorkload_IsReadoptedAndFinishesWithItsRealExitCode()
    {
        await using var harness = new RuntimeHarness();
        var started = await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("long", "echo after-restart; exit 7"));
        await harness.WaitForLogLineAsync("long", "waiting");

        await harness.RestartAsync();
        var readopted = await harness.Runtime.GetAsync("long");
        Assert.Equal(WorkloadPhase.Running, readopted!.Phase);
        Assert.Equal(started.StartedAt, readopted.StartedAt);
        harness.Go("long");
        var status = await harness.WaitForFinishAsync("long");

        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Equal(7, status.ExitCode);
        Assert.Equal("Error", status.Reason);
        Assert.Equal(["waiting", "after-restart"], await harness.ReadLogAsync("long"));
    }

    [Fact]
    public async Task Restart_ReadoptedWorkload_CanBeStoppedWithItsWholeGroup()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("adopted", "sleep 30 & echo started; wait"));
        await harness.WaitForLogLineAsync("adopted", "started");
        var group = await harness.ProcessGroupAsync("adopted");

        await harness.RestartAsync();
        await harness.Runtime.StopAsync("adopted", TimeSpan.FromSeconds(5));

        var status = await harness.Runtime.GetAsync("adopted");
        Assert.Equal((WorkloadPhase.Failed, "Stopped", (int?)143), (status!.Phase, status.Reason, status.ExitCode));
        Assert.Empty(ProcFs.ListGroup(group));
    }

    [Fact]
    public async Task Restart_WorkloadFinishedWhileServerWasDown_TakesExitCodeFromItsFile()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("while-down", "exit 0"));
        await harness.WaitForLogLineAsync("while-down", "waiting");
        await harness.Runtime.DisposeAsync();

        harness.Go("while-down");
        await WaitForFileAsync(Path.Combine(harness.WorkloadDirectory("while-down"), "exitcode"));
        await harness.RestartAsync();

        var status = await harness.WaitForFinishAsync("while-down");
        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Equal(0, status.ExitCode);
    }

    [Fact]
    public async Task Restart_ServerDiedBeforeRecordingTheProcess_FindsItFromTheSupervisorsRecord()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("unrecorded", "exit 7"));
        var group = await harness.ProcessGroupAsync("unrecorded");
        await harness.Runtime.DisposeAsync();

        // What state.json holds when the server dies between the supervisor's spawn and its own save of the pid.
        var state = Path.Combine(harness.WorkloadDirectory("unrecorded"), "state.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(state))!.AsObject();
        json.Remove("pid");
        json.Remove("processGroupId");
        json.Remove("processStartTime");
        File.WriteAllText(state, json.ToJsonString());
        await harness.RestartAsync();

        Assert.Equal(WorkloadPhase.Running, (await harness.Runtime.GetAsync("unrecorded"))!.Phase);
        Assert.Equal(group, await harness.ProcessGroupAsync("unrecorded"));
        harness.Go("unrecorded");
        var status = await harness.WaitForFinishAsync("unrecorded");
        Assert.Equal((WorkloadPhase.Failed, "Error", (int?)7), (status.Phase, status.Reason, status.ExitCode));
        Assert.Equal(["waiting"], await harness.ReadLogAsync("unrecorded"));
    }

    [Fact]
    public async Task Restart_ProcessAndSupervisorKilledWhileServerWasDown_IsRecordedAsLost()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("vanished"));
        var group = await harness.ProcessGroupAsync("vanished");
        await harness.Runtime.DisposeAsync();

        // With its supervisor alive the exit code would be on file; killed first, nobody records it.
        var supervisor = ProcFs.TryRead(group)!.Value.ParentPid;
        Native.SignalGroup(supervisor, Native.SigKill);
        await RuntimeHarness.WaitUntilAsync(() => ProcFs.TryRead(supervisor) is null or { HasExited: true });
        var startTime = ProcFs.TryRead(group)!.Value.StartTime;
        Native.SignalGroup(group, Native.SigKill);
        await RuntimeHarness.WaitUntilAsync(() => !ProcFs.Exists(group, startTime));
        await harness.RestartAsync();

        var status = await harness.Runtime.GetAsync("vanished");
        Assert.NotNull(status);
        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Equal("Lost", status.Reason);
        Assert.Contains($"pid {group}", status.Message, StringComparison.Ordinal);
        Assert.Equal(["waiting"], await harness.ReadLogAsync("vanished"));
    }

    [Fact]
    public async Task Restart_ProcessKilledWhileServerWasDown_KeepsTheExitCodeItsSupervisorRecorded()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("killed"));
        var group = await harness.ProcessGroupAsync("killed");
        await harness.Runtime.DisposeAsync();

        Native.SignalGroup(group, Native.SigKill);
        await WaitForFileAsync(Path.Combine(harness.WorkloadDirectory("killed"), "exitcode"));
        await harness.RestartAsync();

        var status = await harness.WaitForFinishAsync("killed");
        Assert.Equal((WorkloadPhase.Failed, "Error", (int?)(128 + Native.SigKill)), (status.Phase, status.Reason, status.ExitCode));
    }

    [Fact]
    public async Task Restart_PendingWorkload_IsQueuedAgainAndStartsWhenCapacityFrees()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 1000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: new ResourceRequests { CpuMillis = 1000 }));
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("queued", "echo finally") with { Resources = new ResourceRequests { CpuMillis = 600 } });

        await harness.RestartAsync();
        Assert.Equal(WorkloadPhase.Pending, (await harness.Runtime.GetAsync("queued"))!.Phase);
        harness.Go("holder");

        var status = await harness.WaitForFinishAsync("queued");
        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Equal(["finally"], await harness.ReadLogAsync("queued"));
    }

    [Fact]
    public async Task InitializeAsync_DataDirectoryInUse_FailsNamingTheLock()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.InitializeAsync();
        await using var second = new LocalProcessRuntime(
            Microsoft.Extensions.Options.Options.Create(new LocalRuntimeOptions { DataDirectory = harness.DataDirectory }),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LocalProcessRuntime>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.InitializeAsync());

        Assert.Contains("Another Sharpflow server", error.Message, StringComparison.Ordinal);
    }

    private static Task WaitForFileAsync(string path) => RuntimeHarness.WaitUntilAsync(() => File.Exists(path));
}
