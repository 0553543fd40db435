using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Processes;

/// <summary>
/// posix_spawn(3) as the local runtime needs it, in one exec: the child leads a new session (so a new process group
/// whose id is its pid, detached from the server's terminal) before it execs, every signal has its default
/// disposition and none is blocked (a .NET parent ignores SIGPIPE, which exec would otherwise pass on), stdin is
/// /dev/null, stdout and stderr append to one file, and it runs in the given directory. This is what
/// <c>setsid</c>, <c>env --default-signal</c> and a shell's redirections did, without their three exec hops.
/// Needs glibc 2.29 or later (posix_spawn_file_actions_addchdir_np).
/// </summary>
internal static unsafe partial class PosixSpawn
{
    private const short SetSignalDefaults = 0x04;
    private const short SetSignalMask = 0x08;
    private const short SetSessionId = 0x80;
    private const int OpenReadOnly = 0;
    private const int OpenWriteOnly = 1;
    private const int OpenCreate = 0x40;
    private const int OpenAppend = 0x400;
    private const int LogFileMode = 420; // 0644

    // glibc's posix_spawnattr_t, posix_spawn_file_actions_t and sigset_t are 336, 80 and 128 bytes on 64-bit Linux;
    // the buffers are larger so their exact layout never matters: only glibc's own functions touch them.
    private const int AttributesSize = 1024;
    private const int FileActionsSize = 512;
    private const int SignalSetSize = 256;

    /// <summary>Starts <paramref name="path"/> and returns its pid once it has exec'd (glibc's posix_spawn waits for that).</summary>
    /// <param name="outputPath">Where stdout and stderr append, or stderr alone when <paramref name="pipes"/> are given.</param>
    /// <param name="pipes">File descriptors to become the child's stdin and stdout instead of /dev/null and the output file.</param>
    /// <exception cref="Win32Exception">The child could not be set up or exec'd; the message is the system's.</exception>
    public static int Start(
        string path,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string> environment,
        string workingDirectory,
        string outputPath,
        (int Input, int Output)? pipes = null)
    {
        var attributes = NativeMemory.AllocZeroed(AttributesSize);
        var actions = NativeMemory.AllocZeroed(FileActionsSize);
        var signals = NativeMemory.AllocZeroed(SignalSetSize);
        var argv = NativeStrings.Allocate(arguments);
        var envp = NativeStrings.Allocate(environment);
        try
        {
            Check(posix_spawnattr_init(attributes));
            try
            {
                Check(sigemptyset(signals));
                Check(posix_spawnattr_setsigmask(attributes, signals));
                // Every bit rather than sigfillset, which leaves out the two signals glibc keeps for itself (32 and 33):
                // spawn would then set them to SIG_IGN before exec, and the command would inherit that.
                new Span<byte>(signals, SignalSetSize).Fill(0xFF);
                Check(posix_spawnattr_setsigdefault(attributes, signals));
                Check(posix_spawnattr_setflags(attributes, SetSessionId | SetSignalDefaults | SetSignalMask));
                Check(posix_spawn_file_actions_init(actions));
                try
                {
                    Check(posix_spawn_file_actions_addchdir_np(actions, workingDirectory));
                    if (pipes is var (input, output))
                    {
                        Check(posix_spawn_file_actions_adddup2(actions, input, 0));
                        Check(posix_spawn_file_actions_adddup2(actions, output, 1));
                        Check(posix_spawn_file_actions_addopen(actions, 2, outputPath, OpenWriteOnly | OpenCreate | OpenAppend, LogFileMode));
                    }
                    else
                    {
                        Check(posix_spawn_file_actions_addopen(actions, 0, "/dev/null", OpenReadOnly, 0));
                        Check(posix_spawn_file_actions_addopen(actions, 1, outputPath, OpenWriteOnly | OpenCreate | OpenAppend, LogFileMode));
                        Check(posix_spawn_file_actions_adddup2(actions, 1, 2));
                    }

                    int pid;
                    Check(posix_spawn(&pid, path, actions, attributes, argv.Pointer, envp.Pointer));
                    return pid;
                }
                finally
                {
                    _ = posix_spawn_file_actions_destroy(actions);
                }
            }
            finally
            {
                _ = posix_spawnattr_destroy(attributes);
            }
        }
        finally
        {
            argv.Dispose();
            envp.Dispose();
            NativeMemory.Free(signals);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
        }
    }

    /// <summary>posix_spawn and its helpers return the error number rather than setting errno; sigset functions return -1.</summary>
    private static void Check(int result)
    {
        if (result != 0)
        {
            var error = result > 0 ? result : Marshal.GetLastSystemError();
            throw new Win32Exception(error, Marshal.GetPInvokeErrorMessage(error));
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn(int* pid, string path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigmask(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addopen(void* actions, int fd, string path, int flags, int mode);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addchdir_np(void* actions, string path);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sigemptyset(void* set);
}
