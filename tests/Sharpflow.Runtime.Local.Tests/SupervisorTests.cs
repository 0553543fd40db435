using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class SupervisorTests
{
    [Fact]
    public async Task Supervisor_RuntimeDisposedWhileAWorkloadRuns_RecordsItsExitCodeThenExits()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("outlives", "exit 9"));
        var supervisor = ProcFs.TryRead(await harness.ProcessGroupAsync("outlives"))!.Value.ParentPid;
        await harness.Runtime.DisposeAsync();

        Assert.True(IsRunning(supervisor), "the supervisor ended with its server although a workload still ran");
        harness.Go("outlives");

        await RuntimeHarness.WaitUntilAsync(() => !IsRunning(supervisor));
        Assert.Equal("9", File.ReadAllText(Path.Combine(harness.WorkloadDirectory("outlives"), "exitcode")));
        await harness.RestartAsync();
    }

    [Fact]
    public async Task Supervisor_RuntimeDisposedWithNothingRunning_Exits()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("brief"));
        var supervisor = ProcFs.TryRead(await harness.ProcessGroupAsync("brief"))!.Value.ParentPid;
        harness.Go("brief");
        await harness.WaitForFinishAsync("brief");

        await harness.Runtime.DisposeAsync();

        await RuntimeHarness.WaitUntilAsync(() => !IsRunning(supervisor));
        await harness.RestartAsync();
    }

    private static bool IsRunning(int pid) => ProcFs.TryRead(pid) is { HasExited: false };
}
