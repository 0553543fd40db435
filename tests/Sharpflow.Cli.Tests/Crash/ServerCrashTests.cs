using Sharpflow.Cli.Tests.Runs;
using Sharpflow.Cli.Tests.Support;
using Sharpflow.Testing;

namespace Sharpflow.Cli.Tests.Crash;

/// <summary>
/// A server killed with SIGKILL while a task runs loses nothing: the task's process outlives it, its exit code is
/// recorded while no server runs, and the next server over the same data directory finishes the run from there.
/// </summary>
public sealed class ServerCrashTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("sharpflow-crash-").FullName;
    private readonly string _scratch = Directory.CreateTempSubdirectory("sharpflow-crash-scratch-").FullName;

    public void Dispose()
    {
        File.WriteAllText(Path.Combine(_scratch, "go"), string.Empty);
        Directory.Delete(_scratch, recursive: true);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Theory]
    [InlineData(0, 0, "SUCCEEDED", 1)]
    [InlineData(3, ExitCodes.RunFailed, "FAILED", 0)]
    public async Task Up_KilledWhileATaskRuns_NextServerFinishesTheRunWithTheExitCodeTheTaskHadMeanwhile(
        int taskExitCode, int watchExitCode, string runState, int afterRuns)
    {
        using (var first = await ServerProcess.StartAsync(_dataDirectory, Timeout))
        {
            var submitted = await CliRunner.RunAsync("--server", first.Url, "run", TestPipelines.Path("wait-for-go.yaml"), "--name", "crash", "-p", $"dir={_scratch}");
            Assert.True(submitted.ExitCode == ExitCodes.Ok, submitted.ToString());
            await TestWait.UntilAsync(() => File.Exists(Path.Combine(_scratch, "wait-started")), Timeout, "the task to start");

            first.Crash();
        }

        File.WriteAllText(Path.Combine(_scratch, "code"), taskExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(_scratch, "go"), string.Empty);
        using var second = await ServerProcess.StartAsync(_dataDirectory, Timeout);
        var watched = await CliRunner.RunAsync("--server", second.Url, "runs", "get", "crash", "--watch");

        Assert.True(watched.ExitCode == watchExitCode, $"{watched}\n--- server ---\n{second}");
        Assert.StartsWith($"Run crash {runState} in ", watched.Out, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(_scratch, "wait-started")));
        Assert.Equal(afterRuns, File.Exists(Path.Combine(_scratch, "after")) ? File.ReadAllLines(Path.Combine(_scratch, "after")).Length : 0);
    }
}
