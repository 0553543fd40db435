namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Turns the command's first word into an absolute path the way execvp does, with the workload's own PATH (posix_spawn
/// does not search PATH, and the server's PATH is not the workload's).
/// </summary>
internal static class ExecutableResolver
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static string Resolve(string command, string? searchPath, string workingDirectory)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(command, workingDirectory);
            return IsExecutable(path)
                ? path
                : throw new WorkloadLaunchException($"the executable \"{command}\" does not exist or is not executable (resolved to {path}).");
        }

        foreach (var directory in (searchPath ?? string.Empty).Split(':'))
        {
            var candidate = Path.Combine(directory.Length == 0 ? workingDirectory : Path.GetFullPath(directory, workingDirectory), command);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        throw new WorkloadLaunchException(
            $"the executable \"{command}\" was not found on PATH={searchPath}; install it, use an absolute path, " +
            "or map the image to a local environment (LocalRuntime:Images) that provides it.");
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0);
}
