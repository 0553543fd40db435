using Sharpflow.Api.Resources;
using Sharpflow.Cli.Tests.Support;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Testing;
using static Sharpflow.Cli.Tests.Runs.RunCommandTests;

namespace Sharpflow.Cli.Tests.Runs;

/// <summary>Following, terminating and retrying a run of Pipelines/sleeper.yaml, whose one task sleeps for five minutes.</summary>
[Collection(ServerCollection.Name)]
public sealed class RunsLifecycleTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Terminate_RunningRun_StopsItsTaskAndEndsAFollowedLog()
    {
        var ns = await StartSleeperAsync("terminate");
        await using var follow = fixture.Start("runs", "logs", "sleepy", "sleep", "-f", "-n", ns);
        await follow.WaitForOutputAsync("sleeping now", Timeout);
        var retryWhileRunning = await RunAsync("runs", "retry", "sleepy", "-n", ns);

        var terminated = await RunAsync("runs", "terminate", "sleepy", "-n", ns);
        var followed = await follow.Completion.WaitAsync(Timeout);
        var watched = await RunAsync("runs", "get", "sleepy", "-n", ns, "--watch");

        Assert.Equal(ExitCodes.Failure, retryWhileRunning.ExitCode);
        Assert.StartsWith("error: run sleepy is RUNNING: only a FAILED or CANCELED run can be retried (wait for it to end, or terminate it first)", retryWhileRunning.Error, StringComparison.Ordinal);
        Assert.True(terminated.ExitCode == ExitCodes.Ok, terminated.ToString());
        Assert.Equal("run.pipelines.kubeflow.org/sleepy terminating\n", terminated.Out);
        Assert.Equal(ExitCodes.Ok, followed);
        Assert.Equal("sleeping now", Lines(follow.Out.ToString())[0]);
        Assert.Equal(ExitCodes.RunFailed, watched.ExitCode);
        Assert.Matches("(?m)^\\[\\d\\d:\\d\\d\\] sleep CANCELED [0-9.]+s: ", watched.Error);
        Assert.StartsWith("Run sleepy CANCELED in ", watched.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_CanceledRun_StartsItAgain()
    {
        var ns = await StartSleeperAsync("retry-canceled");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("runs", "terminate", "sleepy", "-n", ns)).ExitCode);
        await WaitForStateAsync(ns, RunStates.Canceled);

        var retried = await RunAsync("runs", "retry", "sleepy", "-n", ns);

        Assert.True(retried.ExitCode == ExitCodes.Ok, retried.ToString());
        Assert.Equal("run.pipelines.kubeflow.org/sleepy retried (retry 1)\n", retried.Out);
        await WaitForStateAsync(ns, RunStates.Running, retries: 1);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("runs", "terminate", "sleepy", "-n", ns)).ExitCode);
    }

    [Fact]
    public async Task GetWatch_Interrupted_ExitsInterruptedAndLeavesTheRunRunning()
    {
        var ns = await StartSleeperAsync("interrupt");
        await using var watch = fixture.Start("runs", "get", "sleepy", "-n", ns, "--watch");
        await TestWait.UntilAsync(() => Task.FromResult(watch.Error.ToString().Contains("] sleep RUNNING", StringComparison.Ordinal)), Timeout, "the task running");

        var code = await watch.StopAsync();

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains($"Stopped watching; run sleepy keeps running.", watch.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"'sharpflow runs terminate sleepy -n {ns}'", watch.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(RunStates.Running, (await GetStatusAsync(ns)).State);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("runs", "terminate", "sleepy", "-n", ns)).ExitCode);
    }

    private async Task<string> StartSleeperAsync(string prefix)
    {
        var ns = await fixture.CreateNamespaceAsync(prefix);
        var result = await RunAsync("run", TestPipelines.Path("sleeper.yaml"), "--name", "sleepy", "-n", ns);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        await WaitForStateAsync(ns, RunStates.Running);
        return ns;
    }

    private Task WaitForStateAsync(string ns, string state, int retries = 0) =>
        TestWait.UntilAsync(
            async () => await GetStatusAsync(ns) is { } status && status.State == state && status.Retries == retries,
            Timeout,
            $"run sleepy {state}");

    private async Task<RunStatus> GetStatusAsync(string ns)
    {
        var kind = await fixture.Client.GetKindAsync(PipelineKinds.Run.ApiVersion, PipelineKinds.Run.Kind);
        return (await fixture.Client.GetAsync(kind, ns, "sleepy")).GetStatus<RunStatus>() ?? new RunStatus();
    }

    private Task<CliResult> RunAsync(params string[] args) => fixture.RunAsync(args).WaitAsync(Timeout);
}
