using System.Text.RegularExpressions;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Runs;
using Sharpflow.Cli.Tests.Support;
using Sharpflow.Core.Executions;
using Sharpflow.Testing.Acceptance;

namespace Sharpflow.Cli.Tests.Runs;

/// <summary><c>sharpflow run</c> against a real server that runs the pipelines with local processes.</summary>
[Collection(ServerCollection.Name)]
public sealed class RunCommandTests(ServerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("sharpflow-run-").FullName;

    public static TheoryData<string> ShellPipelines => ShellAcceptancePipelines.All;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(ShellPipelines))]
    public async Task Run_ShellAcceptancePipelineWatched_ExitsZeroAndShowsEachTaskSucceeded(string file)
    {
        var ns = await fixture.CreateNamespaceAsync("accept");

        var result = await RunAsync(["run", AcceptanceFiles.KfpPath(file), "--watch", "--name", "accept", "-n", ns, .. ShellAcceptancePipelines.RequiredParameters(file)]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var containers = (await fixture.Client.ListRunTasksAsync(ns, "accept")).Where(t => t.Kind == TaskExecutionKind.Container).ToList();
        Assert.NotEmpty(containers);
        foreach (var task in containers)
        {
            Assert.Matches($"(?m)^\\[\\d\\d:\\d\\d\\] {Regex.Escape(TaskTree.DisplayPath(task))} SUCCEEDED \\d", result.Error);
        }

        Assert.Matches("(?m)^\\[\\d\\d:\\d\\d\\] run accept SUCCEEDED$", result.Error);
        Assert.Matches($"^Run accept SUCCEEDED in \\S+: {containers.Count}/{containers.Count} tasks finished: {containers.Count} succeeded\\n", result.Out);
    }

    [Fact]
    public async Task Run_FailingAcceptancePipelineWatched_ExitsRunFailedWithTheFailedTaskItsErrorAndLog()
    {
        var ns = await fixture.CreateNamespaceAsync("failing");

        var result = await RunAsync("run", AcceptanceFiles.KfpPath("failing/pipeline_with_exit_handler.yaml"), "--watch", "--name", "exits", "-n", ns);

        Assert.True(result.ExitCode == ExitCodes.RunFailed, result.ToString());
        Assert.Matches("(?m)^\\[\\d\\d:\\d\\d\\] exit-handler-1/fail-op FAILED [0-9.]+s: the process exited with code 1$", result.Error);
        Assert.Matches("(?m)^\\[\\d\\d:\\d\\d\\] print-op SUCCEEDED ", result.Error);
        Assert.Matches("(?m)^Run exits FAILED in \\S+: 3/3 tasks finished: 2 succeeded, 1 failed$", result.Out);
        Assert.Contains("\nError: exit-handler-1: fail-op: the process exited with code 1\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\nFailed task exit-handler-1/fail-op: the process exited with code 1\n", result.Out, StringComparison.Ordinal);
        Assert.Matches("(?m)^  \\| Task failed\\.$", result.Out);
        Assert.Contains($"sharpflow runs retry exits -n {ns}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TypedParameters_ReachTheTaskAsTheirDeclaredTypes()
    {
        var ns = await fixture.CreateNamespaceAsync("typed");

        var run = await RunAsync(
            "run", TestPipelines.Path("typed.yaml"), "--watch", "--name", "typed", "-n", ns,
            "-p", "count=3", "-p", "rate=0.25", "-p", "verbose=true", "-p", "layers=[64, 32]");
        var logs = await RunAsync("runs", "logs", "typed", "show", "-n", ns);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(["count=3 rate=0.25 verbose=true layers=[64,32] label=plain"], Lines(logs.Out));
        var parameters = (await fixture.Client.GetAsync(await RunKindAsync(), ns, "typed")).Spec!["runtimeConfig"]!["parameters"]!;
        Assert.Equal("""{"count":3,"rate":0.25,"verbose":true,"layers":[64,32]}""", parameters.ToJsonString());
    }

    [Fact]
    public async Task Run_WithoutWatch_PrintsTheRunAndHowToFollowIt()
    {
        var ns = await fixture.CreateNamespaceAsync("submit");

        var result = await RunAsync("run", AcceptanceFiles.KfpPath("hello_world.yaml"), "-n", ns, "--no-cache", "--experiment", "demos");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var name = Assert.Single(Regex.Matches(result.Out, "^run\\.pipelines\\.kubeflow\\.org/(echo-[a-z0-9]{5}) created\\n$")).Groups[1].Value;
        Assert.Contains($"sharpflow runs get {name} -n {ns} --watch", result.Error, StringComparison.Ordinal);
        var spec = (await fixture.Client.GetAsync(await RunKindAsync(), ns, name)).Spec!;
        Assert.False(spec["enableCaching"]!.GetValue<bool>());
        Assert.Equal("demos", spec["experimentName"]!.GetValue<string>());
        Assert.Equal("echo", spec["pipelineSpec"]!["pipelineInfo"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_PipelineOnStdinAsJson_CreatesTheRun()
    {
        var ns = await fixture.CreateNamespaceAsync("stdin");

        var result = await fixture.RunWithInputAsync(AcceptanceFiles.ReadKfp("hello_world.yaml"), "run", "-", "--name", "piped", "-n", ns, "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("\"name\": \"piped\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"pipelineSpec\": {", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InteractiveWatch_DrawsTheTaskTreeAndProgressThenPrintsTheOutcome()
    {
        var ns = await fixture.CreateNamespaceAsync("live");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new SharpflowCli(new CliConsole(output, error, TextReader.Null, interactive: true), TimeProvider.System);

        var code = await cli.InvokeAsync(
            ["run", TestPipelines.Path("steps.yaml"), "--watch", "--name", "live", "-n", ns, "-p", $"dir={_directory}", "--server", fixture.Url])
            .WaitAsync(Timeout);

        Assert.True(code == ExitCodes.RunFailed, $"{output}\n{error}");
        var screen = Regex.Replace(error.ToString(), "\\e\\[[0-9;?]*[A-Za-z]", string.Empty);
        Assert.Contains("iteration 2", screen, StringComparison.Ordinal);
        Assert.Contains("flaky  FAILED", screen, StringComparison.Ordinal);
        Assert.Matches("━ 5/5 tasks  \\d\\d:\\d\\d", screen);
        Assert.StartsWith("Run live FAILED in ", output.ToString(), StringComparison.Ordinal);
    }

    private Task<Sharpflow.Client.KindInfo> RunKindAsync() =>
        fixture.Client.GetKindAsync(Sharpflow.Pipelines.Resources.PipelineKinds.Run.ApiVersion, Sharpflow.Pipelines.Resources.PipelineKinds.Run.Kind);

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Task<CliResult> RunAsync(params string[] args) => fixture.RunAsync(args).WaitAsync(Timeout);
}
