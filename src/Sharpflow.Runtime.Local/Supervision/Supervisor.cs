using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Supervision;

/// <summary>
/// The long-lived parent of a runtime's workload processes. It reads spawn requests, one JSON line each, starts each
/// command directly (<see cref="PosixSpawn"/>: a session and process group of its own, default signals, log
/// redirection) and reports "started" with the pid; when a process ends it writes the exit code to the workload's
/// exit-code file, SIGKILLs whatever the command left in its group, and reports "exited". Because the supervisor and
/// not the server is the parent, an exit code is recorded even while no server runs: when the server dies the
/// supervisor sees its input close and goes on until its last workload ended. The exit-code file is written before
/// the process is reaped, so a pid that has left /proc has its exit code on disk.
/// </summary>
internal sealed class Supervisor(TextReader input, Stream output)
{
    private readonly Lock _writeGate = new();
    private readonly object _childrenGate = new();
    private int _children;
    private bool _outputClosed;

    /// <summary>Serves requests until the input closes, then waits for every started process to end.</summary>
    public void Run()
    {
        while (input.ReadLine() is { } line)
        {
            if (Parse(line) is { } request)
            {
                Spawn(request);
            }
        }

        lock (_childrenGate)
        {
            while (_children > 0)
            {
                Monitor.Wait(_childrenGate);
            }
        }
    }

    private static SpawnRequest? Parse(string line)
    {
        try
        {
            return line.Length == 0 ? null : JsonSerializer.Deserialize(line, SupervisorJsonContext.Default.SpawnRequest);
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"sharpflow supervisor: ignoring a request that is not a spawn request: {ex.Message}");
            return null;
        }
    }

    private void Spawn(SpawnRequest request)
    {
        int pid;
        try
        {
            File.Delete(request.ExitCodePath);
            File.Delete(request.ProcessPath);
            pid = PosixSpawn.Start(request.Executable, request.Arguments, request.Environment, request.WorkingDirectory, request.LogPath);
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Send(new SupervisorReport { Kind = SupervisorReport.Failed, Sequence = request.Sequence, Error = ex.Message });
            return;
        }

        lock (_childrenGate)
        {
            _children++;
        }

        var startTime = ProcFs.TryRead(pid)?.StartTime;
        WriteAtomically(request.ProcessPath, string.Create(CultureInfo.InvariantCulture, $"{pid} {startTime}"));
        Send(new SupervisorReport { Kind = SupervisorReport.Started, Sequence = request.Sequence, Pid = pid, StartTime = startTime });
        ChildExitWatcher.Shared.Watch(pid, exitCode => OnExited(request, pid, exitCode));
    }

    /// <summary>Runs on the watcher's thread while the ended process is still a zombie: its pid and group id are still ours.</summary>
    private void OnExited(SpawnRequest request, int pid, int? exitCode)
    {
        if (exitCode is int code)
        {
            WriteAtomically(request.ExitCodePath, code.ToString(CultureInfo.InvariantCulture));
        }

        if (Native.GroupExists(pid))
        {
            Native.SignalGroup(pid, Native.SigKill);
        }

        Send(new SupervisorReport { Kind = SupervisorReport.Exited, Sequence = request.Sequence, Pid = pid, ExitCode = exitCode });
        lock (_childrenGate)
        {
            if (--_children == 0)
            {
                Monitor.PulseAll(_childrenGate);
            }
        }
    }

    /// <summary>Replaced whole (a temporary file renamed over it), so a reader never sees half of it.</summary>
    private static void WriteAtomically(string path, string text)
    {
        try
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sharpflow supervisor: \"{text}\" could not be written to {path}: {ex.Message}");
        }
    }

    /// <summary>One line per report; once the server stopped reading, reports are dropped and the files remain.</summary>
    private void Send(SupervisorReport report)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(report, SupervisorJsonContext.Default.SupervisorReport);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        lock (_writeGate)
        {
            if (_outputClosed)
            {
                return;
            }

            try
            {
                output.Write(line);
            }
            catch (IOException)
            {
                _outputClosed = true;
            }
        }
    }
}
