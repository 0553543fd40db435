using System.Text.Json;

namespace Sharpflow.Runtime.Local.State;

/// <summary>
/// Reads and writes <c>state.json</c>. A write replaces the file whole (a temporary file renamed over it), so a crash
/// leaves the old or the new state. It is not flushed to the disk: the kernel keeps it through a crash or SIGKILL of
/// the server, which is what re-adoption needs; only a power loss can take the latest change back, as it can for the
/// store's own commits (SQLite runs with synchronous=NORMAL) and for the exit-code file the supervisor writes.
/// </summary>
internal static class WorkloadStateFile
{
    public static void Write(WorkloadPaths paths, WorkloadState state)
    {
        var temporary = paths.State + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, state, LocalRuntimeJsonContext.Default.WorkloadState);
        }

        File.Move(temporary, paths.State, overwrite: true);
    }

    /// <summary>Null when the file is missing; throws <see cref="JsonException"/> when it is damaged.</summary>
    public static WorkloadState? Read(WorkloadPaths paths)
    {
        if (!File.Exists(paths.State))
        {
            return null;
        }

        using var stream = File.OpenRead(paths.State);
        return JsonSerializer.Deserialize(stream, LocalRuntimeJsonContext.Default.WorkloadState);
    }

    /// <summary>The process the supervisor recorded when it started it ("pid starttime"), or null when it recorded none.</summary>
    public static (int Pid, ulong StartTime)? ReadProcess(WorkloadPaths paths)
    {
        try
        {
            var parts = File.ReadAllText(paths.Process).Split(' ');
            return parts.Length == 2 && int.TryParse(parts[0], out var pid) && ulong.TryParse(parts[1], out var startTime) ? (pid, startTime) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The exit code the supervisor recorded, or null when it recorded none.</summary>
    public static int? ReadExitCode(WorkloadPaths paths)
    {
        try
        {
            return int.TryParse(File.ReadAllText(paths.ExitCode).Trim(), out var code) ? code : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
