using System.Diagnostics;
using System.Globalization;
using Sharpflow.Testing;

namespace Sharpflow.Cli.Tests.Crash;

/// <summary>
/// <c>sharpflow up</c> as a real process of its own (the built sharpflow.dll on the dotnet host), so that a test
/// can kill it the way a crash would, with SIGKILL, and start another over the same data directory.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly SharedOutput _output = new();

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        process.OutputDataReceived += (_, line) => _output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => _output.Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, TimeSpan timeout)
    {
        var port = Support.FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(DotnetHost())
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "sharpflow.dll"), "up", "--port", port, "--data-dir", dataDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var server = new ServerProcess(Process.Start(start)!, $"http://127.0.0.1:{port}");
        await TestWait.UntilAsync(
            () => server._process.HasExited
                ? throw new InvalidOperationException($"sharpflow up ended early: exit {server._process.ExitCode}\n{server._output}")
                : server._output.ToString().Contains("dashboard: ", StringComparison.Ordinal),
            timeout,
            $"sharpflow up to serve (output so far: {server._output})");
        return server;
    }

    /// <summary>The dotnet host this test runs on: the root of its runtime directory holds it.</summary>
    private static string DotnetHost()
    {
        var host = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(host) ? host : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would end it: no shutdown code runs.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public override string ToString() => _output.ToString();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Crash();
        }

        _process.Dispose();
    }

    private sealed class SharedOutput
    {
        private readonly Lock _gate = new();
        private readonly System.Text.StringBuilder _text = new();

        public void Add(string? line)
        {
            lock (_gate)
            {
                _text.AppendLine(line);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }
}
