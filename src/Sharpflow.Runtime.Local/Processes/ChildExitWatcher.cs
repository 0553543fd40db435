using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Processes;

/// <summary>
/// Tells when children started by this process end, without polling: each child gets a pidfd (Linux 5.3+), one
/// background thread waits on all of them with poll(2), and reaps each child as it ends, so none is left a zombie.
/// Process-wide, like the children themselves: a runtime disposed before its children end no longer listens, but
/// they are still reaped. Where a pidfd cannot be had, a thread waits in waitpid for that child alone.
/// </summary>
internal sealed unsafe partial class ChildExitWatcher
{
    private const short PollIn = 1;
    private const int Interrupted = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, (int Pid, Action<int?> OnExit)> _children = [];
    private int _wakeFd = -1;

    public static ChildExitWatcher Shared { get; } = new();

    /// <summary>
    /// Calls <paramref name="onExit"/> once child <paramref name="pid"/> has ended, with its exit code (128+n when
    /// signal n ended it), or null when its status could not be collected (someone else reaped it). The child is
    /// reaped after the call returns, so during it the pid is still taken and /proc shows a zombie. The call runs on
    /// the watcher's own thread, one child after another, to report ends without a thread-pool hop: it must be short
    /// and must not block on anything that waits for another child's end.
    /// </summary>
    public void Watch(int pid, Action<int?> onExit)
    {
        var pidfd = ChildStatus.OpenPidfd(pid);
        if (pidfd >= 0)
        {
            lock (_gate)
            {
                if (EnsureThreadLocked())
                {
                    _children[pidfd] = (pid, onExit);
                    Wake();
                    return;
                }
            }

            _ = ChildStatus.Close(pidfd);
        }

        WaitOnOwnThread(pid, onExit);
    }

    private static void WaitOnOwnThread(int pid, Action<int?> onExit) =>
        new Thread(() => Report(pid, ChildStatus.Peek(pid, block: true), onExit), 64 * 1024) { IsBackground = true, Name = $"sharpflow-wait-{pid}" }.Start();

    private static void Report(int pid, int? exitCode, Action<int?> onExit)
    {
        try
        {
            onExit(exitCode);
        }
        finally
        {
            _ = ChildStatus.Wait(pid);
        }
    }

    private bool EnsureThreadLocked()
    {
        if (_wakeFd >= 0)
        {
            return true;
        }

        var wake = ChildStatus.OpenEventFd();
        if (wake < 0)
        {
            return false;
        }

        _wakeFd = wake;
        new Thread(Run, 256 * 1024) { IsBackground = true, Name = "sharpflow-child-exits" }.Start();
        return true;
    }

    private void Wake()
    {
        ulong one = 1;
        _ = ChildStatus.Write(_wakeFd, &one, sizeof(ulong));
    }

    private void Run()
    {
        int wake;
        lock (_gate)
        {
            wake = _wakeFd;
        }

        var fds = new List<PollFd>();
        while (true)
        {
            fds.Clear();
            fds.Add(new PollFd { Fd = wake, Events = PollIn });
            lock (_gate)
            {
                foreach (var pidfd in _children.Keys)
                {
                    fds.Add(new PollFd { Fd = pidfd, Events = PollIn });
                }
            }

            var span = CollectionsMarshal.AsSpan(fds);
            int ready;
            fixed (PollFd* pointer = span)
            {
                ready = poll(pointer, (nuint)span.Length, -1);
            }

            if (ready < 0)
            {
                if (Marshal.GetLastSystemError() == Interrupted)
                {
                    continue;
                }

                // Nothing sensible is left to wait on; hand every child to a thread of its own rather than lose it.
                AbandonAll();
                return;
            }

            if (span[0].ReturnedEvents != 0)
            {
                ulong drained;
                _ = ChildStatus.Read(wake, &drained, sizeof(ulong));
            }

            for (var i = 1; i < span.Length; i++)
            {
                if (span[i].ReturnedEvents != 0)
                {
                    Reap(span[i].Fd);
                }
            }
        }
    }

    /// <summary>A readable pidfd means the child has ended; collect its status and report it.</summary>
    private void Reap(int pidfd)
    {
        (int Pid, Action<int?> OnExit) child;
        lock (_gate)
        {
            if (!_children.Remove(pidfd, out child))
            {
                return;
            }
        }

        _ = ChildStatus.Close(pidfd);
        if (ChildStatus.Peek(child.Pid, block: false) is int code)
        {
            Report(child.Pid, code, child.OnExit);
        }
        else
        {
            // Not ended yet, which a readable pidfd should not allow, or not ours: wait for it on a thread of its own.
            WaitOnOwnThread(child.Pid, child.OnExit);
        }
    }

    private void AbandonAll()
    {
        List<(int Pid, Action<int?> OnExit)> children;
        lock (_gate)
        {
            children = [.. _children.Values];
            foreach (var pidfd in _children.Keys)
            {
                _ = ChildStatus.Close(pidfd);
            }

            _children.Clear();
            _ = ChildStatus.Close(_wakeFd);
            _wakeFd = -1;
        }

        foreach (var child in children)
        {
            WaitOnOwnThread(child.Pid, child.OnExit);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);
}
