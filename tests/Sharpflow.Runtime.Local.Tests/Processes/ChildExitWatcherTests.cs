using System.ComponentModel;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Tests.Processes;

public sealed class ChildExitWatcherTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sharpflow-spawn-").FullName;

    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 42", 42)]
    [InlineData("kill -TERM $$", 128 + 15)]
    public async Task Watch_ChildEnds_ReportsItsExitCodeAndReapsIt(string script, int expected)
    {
        var pid = Spawn(script);
        var exited = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);

        ChildExitWatcher.Shared.Watch(pid, code => exited.TrySetResult(code));

        Assert.Equal(expected, await exited.Task.WaitAsync(RuntimeHarness.Timeout));
        Assert.True(ChildStatus.TryWaitNoHang(pid, out var again) && again is null, $"child {pid} was left to reap");
    }

    [Fact]
    public async Task Watch_ManyChildrenAtOnce_ReportsEachOnce()
    {
        var reports = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var pids = Enumerable.Range(0, 20).Select(i => Spawn($"exit {i}")).ToList();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        foreach (var pid in pids)
        {
            ChildExitWatcher.Shared.Watch(pid, code =>
            {
                reports.AddOrUpdate(pid, code ?? -1, (_, _) => -2);
                if (reports.Count == pids.Count)
                {
                    all.TrySetResult();
                }
            });
        }

        await all.Task.WaitAsync(RuntimeHarness.Timeout);
        Assert.Equal(Enumerable.Range(0, 20), pids.Select(pid => reports[pid]));
    }

    [Fact]
    public async Task Start_ChildLeadsItsOwnSessionInTheGivenDirectoryWithOutputInTheFile()
    {
        var output = Path.Combine(_directory, "out");
        var pid = PosixSpawn.Start("/bin/sh", ["/bin/sh", "-c", "pwd; echo \"$GREETING\" >&2; read -r line; echo \"stdin=$line\"; sleep 5"], ["GREETING=hi"], _directory, output);
        try
        {
            var stat = ProcFs.TryRead(pid);

            Assert.Equal((pid, pid), (stat!.Value.ProcessGroupId, stat.Value.SessionId));
            await WaitUntilAsync(() => File.ReadAllText(output).Contains("stdin=", StringComparison.Ordinal));
            Assert.Equal([_directory, "hi", "stdin="], File.ReadAllLines(output));
        }
        finally
        {
            Native.SignalGroup(pid, Native.SigKill);
            ChildStatus.Wait(pid);
        }
    }

    [Fact]
    public void Start_MissingDirectory_ThrowsWithTheSystemMessage()
    {
        var error = Assert.Throws<Win32Exception>(() =>
            PosixSpawn.Start("/bin/sh", ["/bin/sh", "-c", "true"], [], Path.Combine(_directory, "missing"), Path.Combine(_directory, "out")));

        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0000, 0)]
    [InlineData(0x0300, 3)]
    [InlineData(0x0009, 137)]
    [InlineData(0x008f, 143)]
    public void Decode_WaitStatus_GivesTheShellStyleExitCode(int status, int expected) => Assert.Equal(expected, ChildStatus.Decode(status));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private int Spawn(string script) => PosixSpawn.Start("/bin/sh", ["/bin/sh", "-c", script], [], _directory, Path.Combine(_directory, "log"));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
