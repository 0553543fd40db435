using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary><c>sharpflow up</c> as a child process, for tests that kill the server the hard way.</summary>
public sealed partial class SharpflowProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _output = new();

    private SharpflowProcess(Process process)
    {
        _process = process;
    }

    public Uri BaseAddress => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException("The server has not started.");

    /// <summary>Starts the CLI's <c>up</c> on a free port and waits until it reports its address.</summary>
    public static async Task<SharpflowProcess> StartAsync(string dataDirectory, TimeSpan timeout)
    {
        var cli = typeof(SharpflowProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SharpflowCli").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "up", "--port", "0", "--data-dir", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        var child = new SharpflowProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {cli}"));
        child._process.OutputDataReceived += (_, e) => child.OnLine(e.Data, parse: true);
        child._process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, parse: false);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            await child._address.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            child.Dispose();
            throw new TimeoutException($"sharpflow up did not report its address within {timeout}; its output:\n{child.Output}");
        }

        return child;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or Kubernetes stop a service; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnLine(string? line, bool parse)
    {
        if (line is null)
        {
            _address.TrySetException(new InvalidOperationException($"sharpflow up ended before it started; its output:\n{Output}"));
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (parse && Running().Match(line) is { Success: true } match)
        {
            _address.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Sharpflow is running at (\S+)")]
    private static partial Regex Running();
}
