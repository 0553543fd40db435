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

    /// <summary>True while <paramref name="pid"/> runs and is the same process that started at <paramref name="startTime"/>.</summary>
    public static bool IsAlive(int pid, ulong startTime) =>
        TryRead(pid) is { HasExited: false } stat && stat.StartTime == startTime;

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
