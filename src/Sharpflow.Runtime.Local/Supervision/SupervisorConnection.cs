using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text.Json;
using Sharpflow.Runtime.Local.Launch;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Supervision;

/// <summary>
/// The server's end of a <see cref="Supervisor"/> it started: requests go down the supervisor's stdin, reports come
/// back on its stdout and are handed to <c>onReport</c> one after another on a thread of the connection's own, in the
/// order the supervisor sent them (a process's "started" before its "exited"). When the supervisor's output ends,
/// <c>onLost</c> is called once. Disposing closes the request pipe; the supervisor then finishes on its own, and the
/// reader goes on until the supervisor's output ends (a pipe stream cannot be closed under a blocked read: its Dispose
/// waits for the read).
/// </summary>
internal sealed class SupervisorConnection : IDisposable
{
    private readonly AnonymousPipeServerStream _requests;
    private readonly Lock _writeGate = new();

    private SupervisorConnection(AnonymousPipeServerStream requests, int pid)
    {
        _requests = requests;
        Pid = pid;
    }

    public int Pid { get; }

    /// <summary>Starts a supervisor in a session of its own; its stderr appends to <paramref name="logPath"/>.</summary>
    /// <exception cref="WorkloadLaunchException">It could not be started.</exception>
    public static SupervisorConnection Start(string workingDirectory, string logPath, Action<SupervisorConnection, SupervisorReport> onReport, Action<SupervisorConnection> onLost)
    {
        var requests = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var reports = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        int pid;
        try
        {
            var (executable, arguments) = Command();
            var environment = Environment.GetEnvironmentVariables()
                .Cast<System.Collections.DictionaryEntry>()
                .Select(variable => $"{variable.Key}={variable.Value}")
                .ToList();
            var pipes = ((int)requests.ClientSafePipeHandle.DangerousGetHandle(), (int)reports.ClientSafePipeHandle.DangerousGetHandle());
            pid = PosixSpawn.Start(executable, arguments, environment, workingDirectory, logPath, pipes);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            requests.Dispose();
            reports.Dispose();
            throw new WorkloadLaunchException($"the workload supervisor could not be started: {ex.Message}", ex);
        }

        requests.DisposeLocalCopyOfClientHandle();
        reports.DisposeLocalCopyOfClientHandle();
        ChildExitWatcher.Shared.Watch(pid, _ => { });
        var connection = new SupervisorConnection(requests, pid);
        new Thread(() => connection.Read(reports, onReport, onLost), 256 * 1024) { IsBackground = true, Name = "sharpflow-supervisor-reports" }.Start();
        return connection;
    }

    /// <summary>Asks for a process; false when the supervisor is gone (its reader reports that as lost).</summary>
    public bool Send(long sequence, LaunchPlan plan)
    {
        var request = new SpawnRequest
        {
            Sequence = sequence,
            Executable = plan.Executable,
            Arguments = [plan.Executable, .. plan.Arguments],
            Environment = [.. plan.Environment.Select(variable => $"{variable.Key}={variable.Value}")],
            WorkingDirectory = plan.WorkingDirectory,
            LogPath = plan.LogPath,
            ExitCodePath = plan.ExitCodePath,
            ProcessPath = plan.ProcessPath,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(request, SupervisorJsonContext.Default.SpawnRequest);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        lock (_writeGate)
        {
            try
            {
                _requests.Write(line);
                return true;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            _requests.Dispose();
        }
    }

    private void Read(AnonymousPipeServerStream reports, Action<SupervisorConnection, SupervisorReport> onReport, Action<SupervisorConnection> onLost)
    {
        try
        {
            using var reader = new StreamReader(reports);
            while (reader.ReadLine() is { } line)
            {
                if (JsonSerializer.Deserialize(line, SupervisorJsonContext.Default.SupervisorReport) is { } report)
                {
                    onReport(this, report);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            // The supervisor died mid-line: nothing more comes.
        }

        onLost(this);
    }

    /// <summary>
    /// This assembly run by the dotnet host the server itself runs on, with its own runtimeconfig.json when the build
    /// put one beside it, else the application's.
    /// </summary>
    private static (string Executable, List<string> Arguments) Command()
    {
        var assembly = typeof(SupervisorProgram).Assembly.Location;
        var host = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            runtimeConfig = Path.Combine(AppContext.BaseDirectory, AppDomain.CurrentDomain.FriendlyName + ".runtimeconfig.json");
        }

        if (assembly.Length == 0 || !File.Exists(host) || !File.Exists(runtimeConfig))
        {
            throw new IOException(
                $"it runs as \"dotnet exec Sharpflow.Runtime.Local.dll {SupervisorProgram.Verb}\" and needs the dotnet host ({host}), " +
                $"the assembly file ({(assembly.Length == 0 ? "none: the application is a single file" : assembly)}) and a runtimeconfig.json ({runtimeConfig}); " +
                "run Sharpflow from a framework-dependent build (dotnet build or dotnet publish without single-file).");
        }

        return (host, [host, "exec", "--runtimeconfig", runtimeConfig, assembly, SupervisorProgram.Verb]);
    }
}
