using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

/// <summary>Failures that need no server: bad command lines and a server that is not there.</summary>
public sealed class UsageAndConnectionTests
{
    [Fact]
    public async Task Get_UnreachableServer_ExitsThreeAndSaysHowToStartOne()
    {
        var server = $"http://127.0.0.1:{FreePort.Next()}";

        var result = await CliRunner.RunAsync("get", "configmaps", "--server", server);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith($"cannot reach the Sharpflow server at {server}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("start it with 'sharpflow up' or pass --server", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_UnreachableServerFromEnvironmentStyleUrl_ExitsThree()
    {
        var result = await CliRunner.RunAsync(["apply", "-f", "-", "--server", $"http://127.0.0.1:{FreePort.Next()}"], "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "get" }, "Required argument 'KIND' missing")]
    [InlineData(new[] { "get", "pods", "-o", "xml" }, "Cannot parse argument 'xml'")]
    [InlineData(new[] { "apply" }, "--filename")]
    public async Task Invoke_BadCommandLine_ExitsTwoWithTheProblemAndUsage(string[] args, string problem)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task Get_ServerNotAnHttpUrl_IsAUsageError(string server)
    {
        var result = await CliRunner.RunAsync("get", "configmaps", "--server", server);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: --server (or SHARPFLOW_SERVER) must be an http or https URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_NeitherNamesNorFile_IsAUsageErrorBeforeAnyRequest()
    {
        var result = await CliRunner.RunAsync("delete", "configmaps", "--server", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("sharpflow delete configmaps NAME", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsVerbsAndExitCodes()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        foreach (var verb in new[] { "up", "apply", "get", "describe", "delete", "logs", "create" })
        {
            Assert.Matches($"(?m)^  {verb}\\b", result.Out);
        }

        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Contains("3    cannot reach the Sharpflow server", result.Out, StringComparison.Ordinal);
    }
}
