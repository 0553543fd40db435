using Sharpflow.Core.Executions;

namespace Sharpflow.Pipelines.Tests.Executions;

/// <summary>What every <see cref="IExecutionStore"/> provider must do; each test uses its own run uids and namespace.</summary>
public abstract class ExecutionStoreContractTests(ExecutionDatabase database)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _ns = "ns-" + Guid.NewGuid().ToString("N")[..8];

    private IExecutionStore Store => database.Store;

    [Fact]
    public async Task SaveAsync_NewExecutions_AreListedByRunInPathOrder()
    {
        var run = NewRun();
        await Store.SaveAsync([Execution(run, "root/b"), Execution(run, "root"), Execution(run, "root/a/0"), Execution(NewRun(), "root")]);

        var listed = await Store.ListByRunAsync(run);

        Assert.Equal(["root", "root/a/0", "root/b"], listed.Select(e => e.TaskPath));
    }

    [Fact]
    public async Task SaveAsync_EveryField_RoundTrips()
    {
        var run = NewRun();
        var execution = Execution(run, "root/loop/3/train") with
        {
            Kind = TaskExecutionKind.Container,
            ParentId = $"{run}/root/loop/3",
            IterationIndex = 3,
            State = TaskExecutionState.Failed,
            Inputs = """{"parameters":{"lr":0.1}}""",
            Outputs = """{"artifacts":{"model":[{"uri":"/a/model"}]}}""",
            Fingerprint = "abc",
            CachedFrom = "other/root/x",
            Attempts = 2,
            WorkloadId = "kfp-1-train-2",
            LogLocation = "/sharpflow/v1/workloads/kfp-1-train-2/log",
            Error = "the process exited with code 1",
            StartedAt = T0.AddSeconds(1),
            FinishedAt = T0.AddSeconds(5),
        };
        await Store.SaveAsync([execution]);

        Assert.Equal(execution, await Store.GetAsync(execution.Id));
    }

    [Fact]
    public async Task SaveAsync_SameId_ReplacesTheExecution()
    {
        var run = NewRun();
        var execution = Execution(run, "root/step");
        await Store.SaveAsync([execution]);

        await Store.SaveAsync([execution with { State = TaskExecutionState.Succeeded, Attempts = 1, FinishedAt = T0.AddSeconds(2) }]);

        var saved = Assert.Single(await Store.ListByRunAsync(run));
        Assert.Equal(TaskExecutionState.Succeeded, saved.State);
        Assert.Equal(T0.AddSeconds(2), saved.FinishedAt);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("nobody/root"));
    }

    [Fact]
    public async Task FindCachedAsync_ReturnsLatestSucceededMatchInNamespaceAndPipeline()
    {
        var older = Cached(NewRun(), TaskExecutionState.Succeeded, T0.AddMinutes(1));
        var newer = Cached(NewRun(), TaskExecutionState.Succeeded, T0.AddMinutes(2));
        var failed = Cached(NewRun(), TaskExecutionState.Failed, T0.AddMinutes(3));
        var otherNamespace = Cached(NewRun(), TaskExecutionState.Succeeded, T0.AddMinutes(4)) with { Namespace = _ns + "-other" };
        var otherPipeline = Cached(NewRun(), TaskExecutionState.Succeeded, T0.AddMinutes(5)) with { PipelineName = "other" };
        await Store.SaveAsync([older, newer, failed, otherNamespace, otherPipeline]);

        var hit = await Store.FindCachedAsync(_ns, "pipe", "fp-1");

        Assert.Equal(newer.Id, hit?.Id);
        Assert.Null(await Store.FindCachedAsync(_ns, "pipe", "fp-unknown"));
    }

    [Fact]
    public async Task DeleteAsync_Ids_RemovesOnlyThose()
    {
        var run = NewRun();
        await Store.SaveAsync([Execution(run, "root"), Execution(run, "root/a"), Execution(run, "root/b")]);

        await Store.DeleteAsync([$"{run}/root/a", $"{run}/root/b", "missing/root"]);

        Assert.Equal(["root"], (await Store.ListByRunAsync(run)).Select(e => e.TaskPath));
    }

    [Fact]
    public async Task DeleteByRunAsync_RemovesEveryExecutionOfTheRunOnly()
    {
        var run = NewRun();
        var other = NewRun();
        await Store.SaveAsync([Execution(run, "root"), Execution(run, "root/a"), Execution(other, "root")]);

        Assert.Equal(2, await Store.DeleteByRunAsync(run));

        Assert.Empty(await Store.ListByRunAsync(run));
        Assert.Single(await Store.ListByRunAsync(other));
    }

    [Fact]
    public async Task SaveAsync_ManyExecutionsInOneBatch_SavesThemAll()
    {
        var run = NewRun();
        var batch = Enumerable.Range(0, 500).Select(i => Execution(run, $"root/loop/{i:D4}")).ToList();

        await Store.SaveAsync(batch);

        Assert.Equal(500, (await Store.ListByRunAsync(run)).Count);
    }

    private static string NewRun() => Guid.NewGuid().ToString();

    private TaskExecution Execution(string run, string path) => new()
    {
        Id = $"{run}/{path}",
        RunUid = run,
        Namespace = _ns,
        RunName = "run-" + run[..8],
        PipelineName = "pipe",
        TaskPath = path,
        TaskName = path[(path.LastIndexOf('/') + 1)..],
        Kind = TaskExecutionKind.Dag,
        State = TaskExecutionState.Running,
        CreatedAt = T0,
        StartedAt = T0,
    };

    private TaskExecution Cached(string run, TaskExecutionState state, DateTimeOffset finished) =>
        Execution(run, "root/train") with { Kind = TaskExecutionKind.Container, State = state, Fingerprint = "fp-1", FinishedAt = finished };
}
