using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;
using Sharpflow.Testing;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Recurring runs create owned, labelled runs on their schedule, one at a time, and stop when disabled.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class RecurringRunTests(PipelineServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PipelineServer Pipelines => fixture.Pipelines;

    [Fact]
    public async Task RecurringRun_EverySecond_CreatesRunsThatSucceedUntilDisabled()
    {
        var kind = await Pipelines.Client.GetKindAsync(PipelineKinds.RecurringRun.ApiVersion, PipelineKinds.RecurringRun.Kind);
        var recurring = await Pipelines.Client.CreateAsync(RecurringRun("every-second", new JsonObject
        {
            ["periodicSchedule"] = new JsonObject { ["intervalSecond"] = "1" },
        }));

        await TestWait.UntilAsync(async () => (await OwnedRunsAsync("every-second")).Count >= 2, Timeout, "two scheduled runs");
        await Pipelines.Client.PatchAsync(kind, PipelineServer.Namespace, "every-second", """{"spec": {"mode": "DISABLE"}}""");
        await TestWait.UntilAsync(
            async () => (await Pipelines.Client.GetAsync(kind, PipelineServer.Namespace, "every-second")).Status?["status"]?.GetValue<string>() == "DISABLED",
            Timeout,
            "the recurring run to be disabled");
        var disabled = (await Pipelines.Client.GetAsync(kind, PipelineServer.Namespace, "every-second")).GetStatus<RecurringRunStatus>()!;

        var runs = await OwnedRunsAsync("every-second");
        foreach (var run in runs)
        {
            var finished = await Pipelines.WaitFinishedAsync(run.Metadata.Name!);
            Assert.True(finished.State == RunStates.Succeeded, finished.Describe());
            Assert.Equal(recurring.Metadata.Uid, Assert.Single(run.Metadata.OwnerReferences!).Uid);
            Assert.True(run.Metadata.Annotations!.ContainsKey("pipelines.kubeflow.org/scheduled-time"));
        }

        Assert.Null(disabled.NextScheduledTime);
        Assert.True(disabled.RunsCreated >= 2);
        Assert.Equal(runs.Count, disabled.RunsCreated);
    }

    [Fact]
    public async Task Create_RecurringRunWithBadCron_IsRejectedNamingTheField()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => Pipelines.Client.CreateAsync(
            RecurringRun("bad-cron", new JsonObject { ["cronSchedule"] = new JsonObject { ["cron"] = "every tuesday" } })));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "spec.trigger.cronSchedule.cron");
    }

    private async Task<IReadOnlyList<Resource>> OwnedRunsAsync(string name) =>
        (await Pipelines.Client.ListAsync(Pipelines.Runs, PipelineServer.Namespace, new ListOptions { LabelSelector = $"pipelines.kubeflow.org/recurring-run={name}" })).Items;

    private static Resource RecurringRun(string name, JsonObject trigger) => new()
    {
        ApiVersion = PipelineKinds.RecurringRun.ApiVersion,
        Kind = PipelineKinds.RecurringRun.Kind,
        Metadata = new ObjectMeta { Name = name, Namespace = PipelineServer.Namespace },
        Spec = new JsonObject
        {
            ["pipelineSpec"] = AcceptanceFiles.Parse("hello_world.yaml").SpecJson.DeepClone(),
            ["trigger"] = trigger,
            ["maxConcurrency"] = 1,
            ["enableCaching"] = false,
        },
    };
}
