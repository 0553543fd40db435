using System.Buffers;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>Checks a spec before it is queued: ids are a caller's contract, the rest is reported on the workload.</summary>
internal static class SpecChecks
{
    private const int MaxIdLength = 200;
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    /// <summary>The id names the workload's directory, so it must be a plain file name.</summary>
    public static void ThrowIfInvalidId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id is "." or ".." || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            throw new ArgumentException(
                $"Workload id \"{id}\" is not usable: use 1-{MaxIdLength} letters, digits, '.', '-' or '_', and not \".\" or \"..\".",
                nameof(id));
        }
    }

    /// <summary>Why the spec can never run, or null.</summary>
    public static string? FindProblem(WorkloadSpec spec)
    {
        var words = spec.Command.Count > 0 ? spec.Command : spec.Args;
        if (words.Count == 0)
        {
            return "the workload has no command: set command or args (a local workload has no image entrypoint to fall back on).";
        }

        if (string.IsNullOrWhiteSpace(words[0]))
        {
            return "the first word of the command is empty.";
        }

        var resources = spec.Resources;
        if (resources.CpuMillis < 0 || resources.MemoryBytes < 0 || resources.Gpus < 0)
        {
            return $"resource requests must not be negative (cpuMillis={resources.CpuMillis}, memoryBytes={resources.MemoryBytes}, gpus={resources.Gpus}).";
        }

        if (FindDuplicateOrEmpty(spec.Ports.Select(port => port.Name)) is { } port)
        {
            return $"port name \"{port}\" is empty or used twice: give each port its own name.";
        }

        if (FindDuplicateOrEmpty(spec.Volumes.Select(volume => volume.Name)) is { } volume)
        {
            return $"volume name \"{volume}\" is empty or used twice: give each volume its own name.";
        }

        return null;
    }

    private static string? FindDuplicateOrEmpty(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.FirstOrDefault(name => string.IsNullOrWhiteSpace(name) || !seen.Add(name));
    }
}
