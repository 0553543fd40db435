using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Processes;

/// <summary>The system calls <see cref="ChildExitWatcher"/> uses: pidfds, an eventfd to wake its poll, and waitpid.</summary>
internal static unsafe partial class ChildStatus
{
    // pidfd_open has the same number on every architecture (new system calls share one table since Linux 5.1);
    // it is called through syscall(2) because glibc only wraps it from 2.36 on.
    private const long PidfdOpenSyscall = 434;
    private const int NoHang = 1;
    private const int IdTypePid = 1;
    private const int WaitExited = 4;
    private const int WaitNoWait = 0x01000000;
    private const int ChildExited = 1;
    private const int Interrupted = 4;
    private const int EventFdCloseOnExec = 0x80000;
    private const int EventFdNonBlocking = 0x800;

    /// <summary>A pidfd for the child (close-on-exec, readable once it ended), or -1 when the kernel offers none.</summary>
    public static int OpenPidfd(int pid) => (int)syscall(PidfdOpenSyscall, pid, 0);

    public static int OpenEventFd() => eventfd(0, EventFdCloseOnExec | EventFdNonBlocking);

    public static int Close(int fd) => close(fd);

    public static nint Read(int fd, void* buffer, nuint count) => read(fd, buffer, count);

    public static nint Write(int fd, void* buffer, nuint count) => write(fd, buffer, count);

    /// <summary>Reaps the child if it has ended. True with its exit code, or with null when it is not our child to reap (any more).</summary>
    public static bool TryWaitNoHang(int pid, out int? exitCode)
    {
        int status;
        int result;
        do
        {
            result = waitpid(pid, &status, NoHang);
        }
        while (result < 0 && Marshal.GetLastSystemError() == Interrupted);

        exitCode = result == pid ? Decode(status) : null;
        return result != 0;
    }

    /// <summary>
    /// The exit code of an ended child without reaping it (waitid with WNOWAIT): it stays a zombie, so its pid and
    /// process group id stay taken. Null when it has not ended (and <paramref name="block"/> is false) or is not our child.
    /// </summary>
    public static int? Peek(int pid, bool block)
    {
        // siginfo_t on 64-bit Linux: si_signo, si_errno, si_code, padding, then si_pid, si_uid, si_status; 128 bytes.
        var info = stackalloc int[32];
        int result;
        do
        {
            result = waitid(IdTypePid, pid, info, WaitExited | WaitNoWait | (block ? 0 : NoHang));
        }
        while (result < 0 && Marshal.GetLastSystemError() == Interrupted);

        if (result != 0 || info[4] != pid)
        {
            return null;
        }

        return info[2] == ChildExited ? info[6] : 128 + info[6];
    }

    /// <summary>Blocks until the child ends and reaps it; its exit code, or null when it cannot be collected.</summary>
    public static int? Wait(int pid)
    {
        int status;
        int result;
        do
        {
            result = waitpid(pid, &status, 0);
        }
        while (result < 0 && Marshal.GetLastSystemError() == Interrupted);

        return result == pid ? Decode(status) : null;
    }

    /// <summary>The exit code, or 128+n when signal n ended the process (as shells and .NET report it).</summary>
    public static int Decode(int status)
    {
        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, int pid, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initialValue, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitid(int idType, int id, int* info, int options);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);
}
