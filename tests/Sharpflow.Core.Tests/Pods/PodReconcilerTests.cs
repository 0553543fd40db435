using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Pods;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Tests.Pods;

public sealed class PodReconcilerTests
{
    private const string Server = """
        {
          "containers": [{
            "name": "web", "image": "python:3.12", "command": ["python", "-m", "http.server"], "args": ["8000"],
            "workingDir": "/srv",
            "env": [{ "name": "MODE", "value": "dev" }, { "name": "PORT", "value": 8000 }, { "name": "MODE", "value": "prod" }],
            "resources": { "requests": { "cpu": "500m", "memory": "512Mi" }, "limits": { "cpu": 2, "memory": "1Gi", "nvidia.com/gpu": 1 } },
            "ports": [{ "name": "http", "containerPort": 8000 }, { "containerPort": 9090 }]
          }]
        }
        """;

    private readonly PodFixture _pods = new();

    [Fact]
    public async Task ReconcileAsync_NewPod_AddsFinalizerAndStartsItsFirstContainer()
    {
        var pod = await _pods.CreateAsync("web", Server);

        Assert.Equal(ReconcileResult.Done, await _pods.ReconcileAsync("web"));

        Assert.True((await _pods.GetAsync("web")).HasFinalizer("sharpflow.io/workload"));
        var spec = Assert.Single(_pods.Runtime.Started);
        Assert.Equal($"default.web.{pod.Metadata.Uid![..8]}", spec.Id);
        Assert.Equal(["python", "-m", "http.server"], spec.Command);
        Assert.Equal(["8000"], spec.Args);
        Assert.Equal("python:3.12", spec.Image);
        Assert.Equal("/srv", spec.WorkingDir);
        Assert.Equal(new Dictionary<string, string> { ["MODE"] = "prod", ["PORT"] = "8000" }, spec.Env);
        Assert.Equal(new ResourceRequests { CpuMillis = 500, MemoryBytes = 536_870_912, Gpus = 1 }, spec.Resources);
        Assert.Equal([new WorkloadPort("http", 8000), new WorkloadPort("9090", 9090)], spec.Ports);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [WorkloadLabels.Namespace] = "default",
                [WorkloadLabels.OwnerKind] = "Pod",
                [WorkloadLabels.OwnerName] = "web",
                [WorkloadLabels.OwnerUid] = pod.Metadata.Uid,
            },
            spec.Labels);
    }

    [Fact]
    public async Task ReconcileAsync_RunningWorkload_ReportsRunningWithAddressPortsAndEvents()
    {
        await _pods.CreateAsync("web", Server);

        await _pods.ReconcileAsync("web");

        var stored = await _pods.GetAsync("web");
        var status = stored.GetStatus<PodStatus>()!;
        Assert.Equal(PodPhases.Running, status.Phase);
        Assert.Equal("127.0.0.1", status.PodIP);
        Assert.Equal(_pods.Time.GetUtcNow(), status.StartTime);
        Assert.Equal(new Dictionary<string, int> { ["http"] = 48000, ["9090"] = 49090 }, status.Ports);
        Assert.Equal(stored.Metadata.Generation, status.ObservedGeneration);
        Assert.True(Conditions.IsTrue(status.Conditions, PodConditionTypes.Ready));
        Assert.True(Conditions.IsTrue(status.Conditions, PodConditionTypes.PodScheduled));
        var container = Assert.Single(status.ContainerStatuses!);
        Assert.Equal(("web", true, 0), (container.Name, container.Ready, container.RestartCount));
        Assert.Equal(_pods.Time.GetUtcNow(), container.State!.Running!.StartedAt);
        Assert.Equal(["Scheduled", "Started"], _pods.Events.Reasons);
    }

    [Fact]
    public async Task ReconcileAsync_NothingChanged_WritesNothingAndRecordsNothingNew()
    {
        await _pods.CreateAsync("web", Server);
        await _pods.ReconcileAsync("web");
        var version = await _pods.Store.GetCurrentVersionAsync();

        _pods.Time.Advance(TimeSpan.FromMinutes(1));
        await _pods.ReconcileAsync("web");

        Assert.Equal(version, await _pods.Store.GetCurrentVersionAsync());
        Assert.All(_pods.Events.All, e => Assert.Equal(1, e.Count));
        Assert.Single(_pods.Runtime.Started);
    }

    [Fact]
    public async Task ReconcileAsync_WorkloadWaitsForCapacity_ReportsPendingUntilAdmitted()
    {
        _pods.Runtime.StartPhase = WorkloadPhase.Pending;
        await _pods.CreateAsync("web", Server);

        await _pods.ReconcileAsync("web");
        var pending = await _pods.StatusAsync("web");
        _pods.Runtime.Run(pending.WorkloadId!);
        await _pods.ReconcileAsync("web");

        Assert.Equal(PodPhases.Pending, pending.Phase);
        Assert.Equal("Unschedulable", Conditions.Find(pending.Conditions, PodConditionTypes.PodScheduled)!.Reason);
        Assert.Equal("Unschedulable", pending.ContainerStatuses![0].State!.Waiting!.Reason);
        Assert.Equal(PodPhases.Running, (await _pods.StatusAsync("web")).Phase);
        Assert.Equal(["FailedScheduling", "Scheduled", "Started"], _pods.Events.Reasons);
    }

    [Theory]
    [InlineData("Never", 0, "Succeeded", "Completed")]
    [InlineData("Never", 3, "Failed", "Failed")]
    [InlineData("OnFailure", 0, "Succeeded", "Completed")]
    public async Task ReconcileAsync_WorkloadEndsWithoutRestart_ReportsTheFinalPhase(string policy, int exitCode, string phase, string reason)
    {
        await _pods.CreateAsync("job", $$"""{ "restartPolicy": "{{policy}}", "containers": [{ "name": "main", "command": ["train"] }] }""");
        await _pods.ReconcileAsync("job");
        _pods.Runtime.Finish(await _pods.WorkloadIdAsync("job"), exitCode);

        Assert.Equal(ReconcileResult.Done, await _pods.ReconcileAsync("job"));

        var status = await _pods.StatusAsync("job");
        Assert.Equal(phase, status.Phase);
        Assert.Equal(exitCode, status.ContainerStatuses![0].State!.Terminated!.ExitCode);
        Assert.Equal(0, status.ContainerStatuses[0].RestartCount);
        Assert.False(Conditions.IsTrue(status.Conditions, PodConditionTypes.Ready));
        Assert.Equal(reason, _pods.Events.Reasons[^1]);
        Assert.Single(_pods.Runtime.Started);
    }

    [Fact]
    public async Task ReconcileAsync_FailingContainerUnderOnFailure_RestartsWithGrowingBackoff()
    {
        var pod = await _pods.CreateAsync("job", """{ "restartPolicy": "OnFailure", "containers": [{ "name": "main", "command": ["train"] }] }""");
        var baseId = $"default.job.{pod.Metadata.Uid![..8]}";
        await _pods.ReconcileAsync("job");

        _pods.Runtime.Finish(baseId, 1);
        Assert.Equal(ReconcileResult.After(TimeSpan.Zero), await _pods.ReconcileAsync("job"));
        await _pods.ReconcileAsync("job");
        Assert.Equal(baseId + "-1", _pods.Runtime.Started[^1].Id);
        Assert.Equal(1, (await _pods.StatusAsync("job")).ContainerStatuses![0].RestartCount);

        _pods.Time.Advance(TimeSpan.FromSeconds(30));
        _pods.Runtime.Finish(baseId + "-1", 2);
        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(10)), await _pods.ReconcileAsync("job"));
        var waiting = await _pods.StatusAsync("job");
        Assert.Equal("CrashLoopBackOff", waiting.ContainerStatuses![0].State!.Waiting!.Reason);
        Assert.Equal(2, waiting.ContainerStatuses[0].LastState!.Terminated!.ExitCode);
        Assert.Equal(PodPhases.Running, waiting.Phase);

        _pods.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(6)), await _pods.ReconcileAsync("job"));
        Assert.Equal(2, _pods.Runtime.Started.Count);
        _pods.Time.Advance(TimeSpan.FromSeconds(6));
        await _pods.ReconcileAsync("job");

        Assert.Equal(baseId + "-2", _pods.Runtime.Started[^1].Id);
        Assert.Equal(PodPhases.Running, (await _pods.StatusAsync("job")).Phase);
        Assert.Equal(2, _pods.Events.All.Single(e => e.Reason == "BackOff" && e.Message.Contains("code 1", StringComparison.Ordinal)).Count
            + _pods.Events.All.Single(e => e.Reason == "BackOff" && e.Message.Contains("code 2", StringComparison.Ordinal)).Count);
    }

    [Fact]
    public async Task ReconcileAsync_SuccessfulContainerUnderAlways_RestartsIt()
    {
        await _pods.CreateAsync("loop", """{ "containers": [{ "name": "main", "command": ["tick"] }] }""");
        await _pods.ReconcileAsync("loop");
        _pods.Runtime.Finish(await _pods.WorkloadIdAsync("loop"), 0);

        await _pods.ReconcileAsync("loop");
        await _pods.ReconcileAsync("loop");

        Assert.Equal(2, _pods.Runtime.Started.Count);
        var status = await _pods.StatusAsync("loop");
        Assert.Equal((PodPhases.Running, 1), (status.Phase, status.ContainerStatuses![0].RestartCount));
        Assert.Equal("Completed", status.ContainerStatuses[0].LastState!.Terminated!.Reason);
    }

    [Fact]
    public async Task ReconcileAsync_ActiveDeadlinePasses_StopsTheWorkloadAndFailsThePod()
    {
        await _pods.CreateAsync("slow", """{ "activeDeadlineSeconds": 60, "terminationGracePeriodSeconds": 3, "containers": [{ "name": "main", "command": ["sleep", "1d"] }] }""");
        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(60)), await _pods.ReconcileAsync("slow"));
        var id = await _pods.WorkloadIdAsync("slow");

        _pods.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(ReconcileResult.Done, await _pods.ReconcileAsync("slow"));

        Assert.Equal([(id, TimeSpan.FromSeconds(3))], _pods.Runtime.Stops);
        var status = await _pods.StatusAsync("slow");
        Assert.Equal((PodPhases.Failed, "DeadlineExceeded"), (status.Phase, status.Reason));
        Assert.Equal("DeadlineExceeded", status.ContainerStatuses![0].State!.Terminated!.Reason);
        Assert.Equal(["Scheduled", "Started", "Killing", "DeadlineExceeded"], _pods.Events.Reasons);
    }

    [Fact]
    public async Task ReconcileAsync_InvalidSpec_FailsThePodWithoutStartingAnything()
    {
        await _pods.CreateAsync("broken", """{ "containers": [{ "name": "main" }] }""");

        await _pods.ReconcileAsync("broken");

        var status = await _pods.StatusAsync("broken");
        Assert.Equal((PodPhases.Failed, "InvalidSpec"), (status.Phase, status.Reason));
        Assert.Contains("spec.containers[0].image", status.Message, StringComparison.Ordinal);
        Assert.Empty(_pods.Runtime.Started);
        Assert.Equal(EventTypes.Warning, Assert.Single(_pods.Events.All).Type);
    }
}
