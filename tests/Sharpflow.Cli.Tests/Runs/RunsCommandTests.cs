using System.Text.RegularExpressions;
using Sharpflow.Cli.Tests.Support;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Testing;
using static Sharpflow.Cli.Tests.Runs.RunCommandTests;

namespace Sharpflow.Cli.Tests.Runs;

/// <summary>
/// <c>sharpflow runs list/get/logs/retry/delete</c> on runs of Pipelines/steps.yaml, which fails at its last task
/// ("flaky") until the file "pass" exists in the folder given as its parameter.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RunsCommandTests(ServerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("sharpflow-runs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task List_RunsOfANamespace_ShowsPipelineStateTasksDurationAndAge()
    {
        var ns = await FailedStepsRunAsync("list");

        var all = await RunAsync("runs", "list", "-n", ns);
        var failed = await RunAsync("runs", "list", "-n", ns, "--state", "failed");
        var succeeded = await RunAsync("runs", "list", "-n", ns, "--state", "SUCCEEDED");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(["NAME", "PIPELINE", "STATE", "TASKS", "DURATION", "AGE"], Regex.Split(Lines(all.Out)[0], " {3,}"));
        Assert.Matches("(?m)^steps +steps +FAILED +5/5 +[0-9.]+s +\\d+s$", all.Out);
        Assert.Equal(all.Out, failed.Out);
        Assert.Equal(string.Empty, succeeded.Out);
        Assert.Equal($"No SUCCEEDED runs found in namespace {ns}.\n", succeeded.Error);
    }

    [Fact]
    public async Task List_AllNamespaces_AddsTheNamespaceColumn()
    {
        var ns = await FailedStepsRunAsync("list-all");

        var result = await RunAsync("runs", "list", "-A");

        Assert.StartsWith("NAMESPACE", result.Out, StringComparison.Ordinal);
        Assert.Matches($"(?m)^{ns} +steps +steps +FAILED ", result.Out);
    }

    [Fact]
    public async Task Get_FailedRun_ShowsStateParametersAndTheTaskTreeWithErrors()
    {
        var ns = await FailedStepsRunAsync("get");

        var result = await RunAsync("runs", "get", "steps", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = result.Out;
        Assert.Matches("(?m)^State: +FAILED$", text);
        Assert.Matches("(?m)^Pipeline: +steps$", text);
        Assert.Matches("(?m)^Tasks: +5/5 tasks finished: 4 succeeded, 1 failed$", text);
        Assert.Matches("(?m)^Error: +flaky: the process exited with code 3$", text);
        Assert.Contains($"Parameters:\n  dir = {_directory}\n  delay = 0 (default)\n", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^steps pipeline steps  FAILED  [0-9.]+s$", text);
        Assert.Matches("(?m)^├── ✔ first  SUCCEEDED  [0-9.]+s$", text);
        Assert.Matches("(?m)^├── ✔ for-loop-1  SUCCEEDED", text);
        Assert.Matches("(?m)^│   └── ✔ iteration 2  SUCCEEDED", text);
        Assert.Matches("(?m)^│       └── ✔ item  SUCCEEDED", text);
        Assert.Matches("(?m)^└── ✘ flaky  FAILED  [0-9.]+s  the process exited with code 3$", text);
    }

    [Fact]
    public async Task Get_AsYaml_PrintsTheRunResource()
    {
        var ns = await FailedStepsRunAsync("get-yaml");

        var result = await RunAsync("runs", "get", "steps", "-n", ns, "-o", "yaml");

        Assert.StartsWith("apiVersion: pipelines.kubeflow.org/v2beta1\nkind: Run\n", result.Out, StringComparison.Ordinal);
        Assert.Matches("(?m)^  state: FAILED$", result.Out);
    }

    [Fact]
    public async Task Get_UnknownRun_ExitsNotFoundAndSaysWhereToLook()
    {
        var ns = await fixture.CreateNamespaceAsync("get-missing");

        var result = await RunAsync("runs", "get", "nothing", "-n", ns);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains($"run \"nothing\" not found in namespace \"{ns}\"; 'sharpflow runs list -n {ns}' shows the runs in namespace {ns}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_WithoutTask_PrintsEveryContainerTaskPrefixedInStartOrder()
    {
        var ns = await FailedStepsRunAsync("logs-all");

        var result = await RunAsync("runs", "logs", "steps", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result.Out);
        Assert.Equal("[first] first says hello", lines[0]);
        Assert.Equal(
            ["[for-loop-1/0/item] item 1", "[for-loop-1/1/item] item 2", "[for-loop-1/2/item] item 3"],
            lines[1..4].Order(StringComparer.Ordinal));
        Assert.Equal([$"[flaky] flaky looks for {_directory}/pass", "[flaky] no pass file"], lines[4..]);
    }

    [Fact]
    public async Task Logs_OneTaskByPathOrName_PrintsItsLogUnprefixed()
    {
        var ns = await FailedStepsRunAsync("logs-one");

        var byPath = await RunAsync("runs", "logs", "steps", "for-loop-1/2/item", "-n", ns);
        var byName = await RunAsync("runs", "logs", "steps", "flaky", "-n", ns, "--tail", "1");
        var followed = await RunAsync("runs", "logs", "steps", "first", "-n", ns, "-f");

        Assert.Equal(["item 3"], Lines(byPath.Out));
        Assert.Equal(["no pass file"], Lines(byName.Out));
        Assert.True(followed.ExitCode == 0, followed.ToString());
        Assert.Equal(["first says hello"], Lines(followed.Out));
    }

    [Fact]
    public async Task Logs_LoopTask_PrintsEachIterationPrefixed()
    {
        var ns = await FailedStepsRunAsync("logs-loop");

        var result = await RunAsync("runs", "logs", "steps", "for-loop-1", "-n", ns);

        Assert.Equal(["[for-loop-1/0/item] item 1", "[for-loop-1/1/item] item 2", "[for-loop-1/2/item] item 3"], Lines(result.Out).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Logs_NameOfSeveralTasks_IsAUsageErrorListingTheirPaths()
    {
        var ns = await FailedStepsRunAsync("logs-ambiguous");

        var result = await RunAsync("runs", "logs", "steps", "item", "-n", ns);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: \"item\" names 3 tasks of run steps; give one by its path: for-loop-1/0/item, for-loop-1/1/item, for-loop-1/2/item", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_UnknownTask_ExitsNotFoundListingTheTasks()
    {
        var ns = await FailedStepsRunAsync("logs-unknown");

        var result = await RunAsync("runs", "logs", "steps", "train", "-n", ns);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("run steps has no task \"train\"; its tasks are first, flaky, for-loop-1/0/item, for-loop-1/1/item, for-loop-1/2/item", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_FailedRunThatCanPassNow_RerunsOnlyWhatDidNotSucceed()
    {
        var ns = await FailedStepsRunAsync("retry");
        var before = await fixture.Client.ListRunTasksAsync(ns, "steps");
        await File.WriteAllTextAsync(Path.Combine(_directory, "pass"), string.Empty);

        var retried = await RunAsync("runs", "retry", "steps", "-n", ns, "--watch");
        var again = await RunAsync("runs", "retry", "steps", "-n", ns);

        Assert.True(retried.ExitCode == ExitCodes.Ok, retried.ToString());
        Assert.Matches("(?m)^\\[\\d\\d:\\d\\d\\] flaky SUCCEEDED ", retried.Error);
        Assert.StartsWith("Run steps SUCCEEDED in ", retried.Out, StringComparison.Ordinal);
        Assert.Contains("\nOutputs:\n  greeting = hello\n", retried.Out, StringComparison.Ordinal);
        var after = await fixture.Client.ListRunTasksAsync(ns, "steps");
        Assert.Equal(WorkloadOf(before, "root/first"), WorkloadOf(after, "root/first"));
        Assert.NotEqual(WorkloadOf(before, "root/flaky"), WorkloadOf(after, "root/flaky"));
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Equal("error: run steps is SUCCEEDED: only a FAILED or CANCELED run can be retried (it has nothing to retry)\n", again.Error);
    }

    [Fact]
    public async Task Terminate_FinishedRun_SaysThereIsNothingToTerminate()
    {
        var ns = await FailedStepsRunAsync("terminate-done");

        var result = await RunAsync("runs", "terminate", "steps", "-n", ns);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: run steps has already finished (FAILED): there is nothing to terminate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Run_RemovesItAndAMissingOneExitsNotFound()
    {
        var ns = await FailedStepsRunAsync("delete");

        var deleted = await RunAsync("runs", "delete", "steps", "-n", ns);
        await TestWait.UntilAsync(async () => (await RunAsync("runs", "get", "steps", "-n", ns)).ExitCode == ExitCodes.NotFound, Timeout, "the run to be gone");
        var again = await RunAsync("runs", "delete", "steps", "-n", ns);

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Matches("^run\\.pipelines\\.kubeflow\\.org/steps (deleted|marked for deletion)\\n$", deleted.Out);
        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
        Assert.Contains($"'sharpflow runs list -n {ns}'", again.Error, StringComparison.Ordinal);
    }

    private static string? WorkloadOf(IEnumerable<TaskExecution> tasks, string path) => tasks.Single(t => t.TaskPath == path).WorkloadId;

    /// <summary>Runs steps.yaml as "steps" in a new namespace to its FAILED end (no pass file yet).</summary>
    private async Task<string> FailedStepsRunAsync(string prefix)
    {
        var ns = await fixture.CreateNamespaceAsync(prefix);
        var result = await RunAsync("run", TestPipelines.Path("steps.yaml"), "--name", "steps", "-n", ns, "-p", $"dir={_directory}", "--watch");
        Assert.True(result.ExitCode == ExitCodes.RunFailed, result.ToString());
        Assert.Equal(RunStates.Failed, (await fixture.Client.GetAsync(await fixture.Client.GetKindAsync(Sharpflow.Pipelines.Resources.PipelineKinds.Run.ApiVersion, "Run"), ns, "steps")).Status!["state"]!.GetValue<string>());
        return ns;
    }

    private Task<CliResult> RunAsync(params string[] args) => fixture.RunAsync(args).WaitAsync(Timeout);
}
