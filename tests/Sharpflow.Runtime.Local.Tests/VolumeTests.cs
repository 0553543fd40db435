using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class VolumeTests
{
    [Fact]
    public async Task StartAsync_VolumeInsideWorkingDir_IsLinkedAndExported()
    {
        await using var harness = new RuntimeHarness();
        var shared = Path.Combine(harness.DataDirectory, "shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "input.txt"), "from-host");

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("mounted", "cat data/input.txt; echo; echo written > data/output.txt; echo $SHARPFLOW_VOLUME_MY_DATA") with
        {
            Volumes = [new WorkloadVolume("my-data", shared, "data")],
        });
        var status = await harness.WaitForFinishAsync("mounted");

        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Equal(["from-host", shared], await harness.ReadLogAsync("mounted"));
        Assert.Equal("written\n", File.ReadAllText(Path.Combine(shared, "output.txt")));
    }

    [Fact]
    public async Task StartAsync_VolumeOutsideWorkingDir_IsOnlyExported()
    {
        await using var harness = new RuntimeHarness();
        var hostPath = Path.Combine(harness.DataDirectory, "created-on-demand");

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("exported", "echo $SHARPFLOW_VOLUME_CACHE; test -e /sharpflow-test-cache && echo linked || echo not-linked") with
        {
            Volumes = [new WorkloadVolume("cache", hostPath, "/sharpflow-test-cache")],
        });
        await harness.WaitForFinishAsync("exported");

        Assert.Equal([hostPath, "not-linked"], await harness.ReadLogAsync("exported"));
        Assert.True(Directory.Exists(hostPath));
    }

    [Fact]
    public async Task DeleteAsync_WorkloadWithVolume_KeepsTheVolumeContents()
    {
        await using var harness = new RuntimeHarness();
        var shared = Path.Combine(harness.DataDirectory, "keep");

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("writer", "echo kept > out/result.txt") with
        {
            Volumes = [new WorkloadVolume("out", shared, "out")],
        });
        await harness.WaitForFinishAsync("writer");
        await harness.Runtime.DeleteAsync("writer");

        Assert.False(Directory.Exists(harness.WorkloadDirectory("writer")));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(shared, "result.txt")));
    }

    [Fact]
    public async Task StartAsync_MountPathTakenByAFile_FailsNamingIt()
    {
        await using var harness = new RuntimeHarness();
        var workingDir = Path.Combine(harness.DataDirectory, "wd");
        Directory.CreateDirectory(workingDir);
        File.WriteAllText(Path.Combine(workingDir, "data"), "in the way");

        var status = await harness.Runtime.StartAsync(RuntimeHarness.Shell("blocked", "true") with
        {
            WorkingDir = workingDir,
            Volumes = [new WorkloadVolume("data", Path.Combine(harness.DataDirectory, "v"), "data")],
        });

        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Contains("volume \"data\" cannot be mounted", status.Message, StringComparison.Ordinal);
    }
}
