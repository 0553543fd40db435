namespace Sharpflow.Runtime.Local.Processes;

/// <summary>
/// The fields of <c>/proc/&lt;pid&gt;/stat</c> the runtime needs. <see cref="StartTime"/> (field 22, clock ticks since
/// boot) tells a live process from a later one that reused its pid.
/// </summary>
internal readonly record struct ProcStat(int Pid, char State, int ParentPid, int ProcessGroupId, int SessionId, ulong StartTime)
{
    /// <summary>Zombies and dead tasks have exited: only their exit status is left to collect.</summary>
    public bool HasExited => State is 'Z' or 'X' or 'x';

    /// <summary>Parses the stat line; the command name in parentheses may itself contain spaces and parentheses.</summary>
    public static ProcStat? Parse(int pid, string line)
    {
        var close = line.LastIndexOf(')');
        if (close < 0 || close + 2 >= line.Length)
        {
            return null;
        }

        // After ") ": state(3) ppid(4) pgrp(5) session(6) ... starttime(22), so index = field - 3.
        var fields = line[(close + 2)..].Split(' ');
        if (fields.Length < 20
            || fields[0].Length != 1
            || !int.TryParse(fields[1], out var parentPid)
            || !int.TryParse(fields[2], out var processGroupId)
            || !int.TryParse(fields[3], out var sessionId)
            || !ulong.TryParse(fields[19], out var startTime))
        {
            return null;
        }

        return new ProcStat(pid, fields[0][0], parentPid, processGroupId, sessionId, startTime);
    }
}
