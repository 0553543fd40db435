using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Processes;

/// <summary>The one system call .NET does not offer: signalling a whole process group.</summary>
internal static partial class Native
{
    public const int SigTerm = 15;

    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/> to every process of the group; false when the group no longer exists.</summary>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        if (processGroupId <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(processGroupId), processGroupId, "Refusing to signal a process group id below 2.");
        }

        return Kill(-processGroupId, signal) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
