namespace Sharpflow.Runtime.Local.Processes;

/// <summary>Reads process facts from <c>/proc</c>, the only source that works for processes this server did not start.</summary>
internal static class ProcFs
{
    public static ProcStat? TryRead(int pid)
    {
        try
        {
            return ProcStat.Parse(pid, File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True while <paramref name="pid"/> is the process that started at <paramref name="startTime"/> and has not ended:
    /// running, or a zombie its parent (a supervisor, which records the exit code before it reaps) has yet to reap.
    /// A zombie left to init (pid 1) has no supervisor any more; init reaps it, or, when the server itself is pid 1 in a
    /// container, nobody does.
    /// </summary>
    public static bool Exists(int pid, ulong startTime) =>
        TryRead(pid) is { } stat && stat.StartTime == startTime && (!stat.HasExited || stat.ParentPid > 1);

    /// <summary>The live processes of a process group.</summary>
    public static IReadOnlyList<int> ListGroup(int processGroupId)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid)
                && TryRead(pid) is { HasExited: false } stat
                && stat.ProcessGroupId == processGroupId)
            {
                members.Add(pid);
            }
        }

        return members;
    }
}
