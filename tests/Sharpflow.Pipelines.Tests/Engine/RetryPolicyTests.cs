using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Task retry policies: attempts, backoff between them, and giving up after maxRetryCount.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class RetryPolicyTests(PipelineServerFixture fixture)
{
    private Task<FinishedRun> RunAsync() =>
        fixture.RunOnceAsync("retry-policy", TestPipelines.Read("retry-policy.yaml"), new JsonObject { ["dir"] = SharedScratch.Root });

    [Fact]
    public async Task Run_FlakyTask_RetriesWithBackoffUntilItSucceeds()
    {
        var run = await RunAsync();

        var flaky = run.Task("root/flaky");
        Assert.Equal(TaskExecutionState.Succeeded, flaky.State);
        Assert.Equal(3, flaky.Attempts);
        Assert.Equal(3, SharedScratch.Lines("flaky"));

        // Backoff 0.5 s, then 1 s (factor 2): the attempts span at least 1.5 s.
        Assert.True(flaky.FinishedAt - flaky.StartedAt >= TimeSpan.FromSeconds(1.5), $"took {flaky.FinishedAt - flaky.StartedAt}");
        Assert.EndsWith("-3", flaky.WorkloadId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TaskThatKeepsFailing_FailsAfterMaxRetryCount()
    {
        var run = await RunAsync();

        var broken = run.Task("root/broken");
        Assert.Equal(TaskExecutionState.Failed, broken.State);
        Assert.Equal(2, broken.Attempts);
        Assert.Equal(2, SharedScratch.Lines("broken"));
        Assert.Contains("exited with code 7", broken.Error, StringComparison.Ordinal);
    }

    /// <summary>One folder for the shared run of this class (the run happens once for both tests).</summary>
    private static Scratch SharedScratch { get; } = new();
}
