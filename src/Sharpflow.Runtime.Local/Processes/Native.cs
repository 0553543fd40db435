using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Processes;

/// <summary>Signalling a whole process group, which .NET does not offer.</summary>
internal static partial class Native
{
    public const int SigTerm = 15;

    public const int SigKill = 9;

    private const int NotPermitted = 1;

    /// <summary>Sends <paramref name="signal"/> to every process of the group; false when the group no longer exists.</summary>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        ThrowIfUnsafe(processGroupId);
        return Kill(-processGroupId, signal) == 0;
    }

    /// <summary>
    /// Whether any process (zombies included) is still in the group: one kill(2) with signal 0, instead of a scan of
    /// /proc. A group the server may not signal counts as existing.
    /// </summary>
    public static bool GroupExists(int processGroupId)
    {
        ThrowIfUnsafe(processGroupId);
        return Kill(-processGroupId, 0) == 0 || Marshal.GetLastPInvokeError() == NotPermitted;
    }

    private static void ThrowIfUnsafe(int processGroupId)
    {
        if (processGroupId <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(processGroupId), processGroupId, "Refusing to signal a process group id below 2.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
