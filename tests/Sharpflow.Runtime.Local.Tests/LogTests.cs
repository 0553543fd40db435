using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task ReadLogAsync_Follow_StreamsLinesWhileRunningAndEndsWhenFinished()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("follow", "echo second; exit 0"));
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        var lines = new List<string>();

        await foreach (var line in harness.Runtime.ReadLogAsync("follow", new LogOptions { Follow = true }, timeout.Token))
        {
            lines.Add(line);
            if (line == "waiting")
            {
                Assert.Equal(WorkloadPhase.Running, (await harness.Runtime.GetAsync("follow"))!.Phase);
                harness.Go("follow");
            }
        }

        Assert.Equal(["waiting", "second"], lines);
        Assert.True((await harness.Runtime.GetAsync("follow"))!.IsFinished);
    }

    [Fact]
    public async Task ReadLogAsync_Tail_ReturnsOnlyTheLastLines()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("tail", "for i in 1 2 3 4 5; do echo line$i; done; printf unfinished"));
        await harness.WaitForFinishAsync("tail");

        Assert.Equal(["line5", "unfinished"], await harness.ReadLogAsync("tail", new LogOptions { TailLines = 2 }));
        Assert.Equal(["line1", "line2", "line3", "line4", "line5", "unfinished"], await harness.ReadLogAsync("tail", new LogOptions { TailLines = 100 }));
        Assert.Empty(await harness.ReadLogAsync("tail", new LogOptions { TailLines = 0 }));
    }

    [Fact]
    public async Task ReadLogAsync_FollowWithTail_StartsAtTheTailAndKeepsFollowing()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("tail-follow", "echo done"));
        await harness.WaitForLogLineAsync("tail-follow", "waiting");
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        var lines = new List<string>();

        await foreach (var line in harness.Runtime.ReadLogAsync("tail-follow", new LogOptions { Follow = true, TailLines = 1 }, timeout.Token))
        {
            lines.Add(line);
            harness.Go("tail-follow");
        }

        Assert.Equal(["waiting", "done"], lines);
    }

    [Fact]
    public async Task ReadLogAsync_PendingWorkloadWithFollow_WaitsForItToRun()
    {
        await using var harness = new RuntimeHarness(options => options.CpuMillis = 1000);
        await harness.Runtime.StartAsync(RuntimeHarness.WaitForGo("holder", resources: new ResourceRequests { CpuMillis = 1000 }));
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("later", "echo ran") with { Resources = new ResourceRequests { CpuMillis = 1000 } });
        var follow = harness.ReadLogAsync("later", new LogOptions { Follow = true });

        Assert.Equal(WorkloadPhase.Pending, (await harness.Runtime.GetAsync("later"))!.Phase);
        harness.Go("holder");

        Assert.Equal(["ran"], await follow);
    }

    [Fact]
    public async Task ReadLogAsync_UnknownWorkload_HasNoLines()
    {
        await using var harness = new RuntimeHarness();

        Assert.Empty(await harness.ReadLogAsync("nobody", new LogOptions { Follow = true }));
    }

    [Fact]
    public async Task DeleteAsync_FinishedWorkload_ForgetsItAndItsLogs()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("gone", "echo bye"));
        await harness.WaitForFinishAsync("gone");

        await harness.Runtime.DeleteAsync("gone");

        Assert.Null(await harness.Runtime.GetAsync("gone"));
        Assert.Empty(await harness.ReadLogAsync("gone"));
        Assert.False(Directory.Exists(harness.WorkloadDirectory("gone")));
    }
}
