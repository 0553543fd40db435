using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class AdmissionTests
{
    private static readonly ResourceRequests OneCpu = new() { CpuMillis = 1000 };

    [Fact]
    public async Task StartAsync_DoesNotFit_WaitsUnschedulableAndStartsWhenCapacityFrees()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 2000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("big", resources: new ResourceRequests { CpuMillis = 1500 }));

        var waiting = await harness.Runtime.StartAsync(RuntimeHarness.Shell("small", "echo ran") with { Resources = OneCpu });

        Assert.Equal(WorkloadPhase.Pending, waiting.Phase);
        Assert.Equal("Unschedulable", waiting.Reason);
        Assert.Equal("needs 1000m CPU, 500m free.", waiting.Message);
        harness.Go("big");
        Assert.Equal(WorkloadPhase.Succeeded, (await harness.WaitForFinishAsync("small")).Phase);
    }

    [Fact]
    public async Task StartAsync_MemoryShort_NamesMemory()
    {
        await using var harness = new RuntimeHarness(options => options.MemoryBytes = 1L << 30);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: new ResourceRequests { MemoryBytes = 768L << 20 }));

        var waiting = await harness.Runtime.StartAsync(RuntimeHarness.Shell("wants-memory", "true") with { Resources = new ResourceRequests { MemoryBytes = 512L << 20 } });

        Assert.Equal("needs 512Mi memory, 256Mi free.", waiting.Message);
    }

    [Fact]
    public async Task StartAsync_LargerThanTheNode_FailsAtOnceWithClearMessage()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 2000);

        var status = await harness.Runtime.StartAsync(RuntimeHarness.Shell("huge", "true") with { Resources = new ResourceRequests { CpuMillis = 4000, Gpus = 1 } });

        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Equal("Unschedulable", status.Reason);
        Assert.Contains("4000m CPU but the node has 2000m in total", status.Message, StringComparison.Ordinal);
        Assert.Contains("1 GPU(s) but the node has 0", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartGroupAsync_DoesNotFitYet_AdmitsAllMembersTogetherLater()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 2000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: OneCpu));

        var gang = await harness.Runtime.StartGroupAsync(
        [
            RuntimeHarness.WaitForGo("worker-0", resources: OneCpu),
            RuntimeHarness.WaitForGo("worker-1", resources: OneCpu),
        ]);

        Assert.All(gang, member => Assert.Equal(WorkloadPhase.Pending, member.Phase));
        Assert.All(gang, member => Assert.Equal("the group of 2 needs 2000m CPU, 1000m free.", member.Message));
        harness.Go("holder");
        await harness.WaitForRunningAsync("worker-0");
        Assert.Equal(WorkloadPhase.Running, (await harness.Runtime.GetAsync("worker-1"))!.Phase);
    }

    [Fact]
    public async Task StartGroupAsync_NeverSeenPartlyAdmitted()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 2000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: OneCpu));
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        await harness.Runtime.StartGroupAsync([RuntimeHarness.WaitForGo("a", resources: OneCpu), RuntimeHarness.WaitForGo("b", resources: OneCpu)]);

        harness.Go("holder");

        while (true)
        {
            var phases = (await harness.Runtime.ListAsync()).Where(s => s.Id is "a" or "b").Select(s => s.Phase).ToList();
            Assert.Equal(phases[0], phases[1]);
            if (phases[0] == WorkloadPhase.Running)
            {
                break;
            }

            await Task.Delay(5, timeout.Token);
        }
    }

    [Fact]
    public async Task StartAsync_SmallWorkloadBehindBlockedGang_WaitsItsTurn()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 2000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: OneCpu));
        await harness.Runtime.StartGroupAsync([RuntimeHarness.WaitForGo("g-0", resources: OneCpu), RuntimeHarness.WaitForGo("g-1", resources: OneCpu)]);

        var small = await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("small"));

        Assert.Equal(WorkloadPhase.Pending, small.Phase);
        Assert.Equal("Queued", small.Reason);
        Assert.Contains("behind 1 earlier submission", small.Message, StringComparison.Ordinal);
        harness.Go("holder");
        await harness.WaitForRunningAsync("small");
        Assert.Equal(WorkloadPhase.Running, (await harness.Runtime.GetAsync("g-0"))!.Phase);
    }

    [Fact]
    public async Task StartGroupAsync_LargerThanTheNode_FailsEveryMember()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 2000);

        var gang = await harness.Runtime.StartGroupAsync([
            RuntimeHarness.Shell("m-0", "true") with { Resources = new ResourceRequests { CpuMillis = 1500 } },
            RuntimeHarness.Shell("m-1", "true") with { Resources = new ResourceRequests { CpuMillis = 1500 } },
        ]);

        Assert.All(gang, member => Assert.Equal(WorkloadPhase.Failed, member.Phase));
        Assert.All(gang, member => Assert.Contains("the group requests 3000m CPU", member.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_PendingWorkload_LeavesTheQueue()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 1000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: OneCpu));
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("queued", "true") with { Resources = OneCpu });

        await harness.Runtime.StopAsync("queued", TimeSpan.FromSeconds(5));

        var status = await harness.Runtime.GetAsync("queued");
        Assert.Equal((WorkloadPhase.Failed, "Stopped", (DateTimeOffset?)null), (status!.Phase, status.Reason, status.StartedAt));
        harness.Go("holder");
        await harness.WaitForFinishAsync("holder");
        Assert.Null((await harness.Runtime.GetAsync("queued"))!.StartedAt);
    }

    [Fact]
    public async Task StartAsync_GpuRequests_GetDistinctDevices()
    {
        await using var harness = new RuntimeHarness(options => options.Gpus = 2);

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("gpu-a", "echo \"[$CUDA_VISIBLE_DEVICES]\"") with { Resources = new ResourceRequests { Gpus = 2 } });
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("gpu-none", "echo \"[$CUDA_VISIBLE_DEVICES]\""));
        await harness.WaitForFinishAsync("gpu-a");
        await harness.WaitForFinishAsync("gpu-none");

        Assert.Equal(["[0,1]"], await harness.ReadLogAsync("gpu-a"));
        Assert.Equal(["[]"], await harness.ReadLogAsync("gpu-none"));
    }

    [Fact]
    public async Task StartGroupAsync_MemberCannotStart_FailsTheWholeGroupWithoutStartingAny()
    {
        await using var harness = new RuntimeHarness();

        var gang = await harness.Runtime.StartGroupAsync([
            RuntimeHarness.Shell("ok-0", "echo should-not-run"),
            new WorkloadSpec { Id = "broken-1", Command = ["no-such-program-xyz"] },
        ]);

        Assert.All(gang, member => Assert.Equal(WorkloadPhase.Failed, member.Phase));
        Assert.Contains("group member broken-1 cannot start", gang[0].Message, StringComparison.Ordinal);
        Assert.Null(gang[0].StartedAt);
        Assert.Empty(await harness.ReadLogAsync("ok-0"));
    }
}
