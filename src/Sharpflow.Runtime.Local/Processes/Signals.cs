namespace Sharpflow.Runtime.Local.Processes;

/// <summary>Names of Linux signals, for messages about exit codes above 128.</summary>
internal static class Signals
{
    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    /// <summary>"signal 9 (SIGKILL)" for exit code 137; null when the code does not look like a signal.</summary>
    public static string? DescribeExitCode(int exitCode)
    {
        var signal = exitCode - 128;
        if (signal <= 0 || signal > 64)
        {
            return null;
        }

        return signal < Names.Length ? $"signal {signal} ({Names[signal]})" : $"signal {signal}";
    }
}
