using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Runs;

/// <summary>Command lines of the pipeline commands that are refused before any request: the server given is not there.</summary>
public sealed class RunUsageTests
{
    private static readonly string Typed = TestPipelines.Path("typed.yaml");

    [Theory]
    [InlineData(new[] { "-p", "count=abc" }, "-p count: parameter \"count\" is NUMBER_INTEGER (a whole number such as 3): \"abc\" is not an integer")]
    [InlineData(new[] { "-p", "count=1", "-p", "rate=x" }, "-p rate: parameter \"rate\" is NUMBER_DOUBLE (a number such as 0.5): \"x\" is not a number")]
    [InlineData(new[] { "-p", "count=1", "-p", "verbose=maybe" }, "-p verbose: parameter \"verbose\" is BOOLEAN (true or false): \"maybe\" is not a boolean")]
    [InlineData(new[] { "-p", "count=1", "-p", "layers=1,2" }, "-p layers: parameter \"layers\" is LIST (a JSON array such as [1, 2]): \"1,2\" is not valid JSON")]
    [InlineData(new[] { "-p", "count=1", "-p", "config=[1]" }, "-p config: parameter \"config\" is STRUCT (a JSON object such as {\"key\": 1}): expects STRUCT, got list")]
    [InlineData(new[] { "-p", "count=1", "-p", "epochs=3" }, "-p epochs=3: the pipeline \"typed\" has no parameter \"epochs\"; its parameters are count (NUMBER_INTEGER, required)")]
    [InlineData(new string[0], "the pipeline \"typed\" requires \"count\" (NUMBER_INTEGER), which has no default: add -p count=VALUE")]
    [InlineData(new[] { "-p", "count" }, "-p count: expected NAME=VALUE")]
    [InlineData(new[] { "-p", "count=1", "--name", "Bad_Name" }, "--name Bad_Name: a lowercase RFC 1123 subdomain")]
    public async Task Run_BadParameterOrName_IsAUsageErrorBeforeSubmitting(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(["run", Typed, .. args, "--server", Unreachable()]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith("error: " + message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Run_FileMissing_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("run", "no-such-pipeline.yaml", "--server", Unreachable());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: the pipeline file \"no-such-pipeline.yaml\" does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StdinIsNotAPipeline_FailsWithoutSubmitting()
    {
        var result = await CliRunner.RunAsync(["run", "-", "--server", Unreachable()], "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: stdin is not a compiled KFP pipeline: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsList_UnknownState_IsAUsageErrorListingTheStates()
    {
        var result = await CliRunner.RunAsync("runs", "list", "--state", "done", "--server", Unreachable());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: --state done: a run state is one of PENDING, RUNNING, SUCCEEDED, SKIPPED, FAILED, CANCELING, CANCELED", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("runs", "list")]
    [InlineData("runs", "get")]
    [InlineData("runs", "logs")]
    [InlineData("runs", "terminate")]
    [InlineData("runs", "retry")]
    [InlineData("runs", "delete")]
    public async Task Help_PipelineVerb_ShowsExamples(params string[] verb)
    {
        var result = await CliRunner.RunAsync([.. verb, "--help"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Matches($"(?m)^Examples:\n  sharpflow {string.Join(' ', verb)}\\b", result.Out);
    }

    [Fact]
    public async Task Help_Root_ListsRunAndRunsAndTheRunFailedExitCode()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Matches("(?m)^  run <FILE>", result.Out);
        Assert.Matches("(?m)^  runs\\b", result.Out);
        Assert.Contains($"{ExitCodes.RunFailed}    the watched pipeline run failed or was canceled", result.Out, StringComparison.Ordinal);
    }

    private static string Unreachable() => $"http://127.0.0.1:{FreePort.Next()}";
}
