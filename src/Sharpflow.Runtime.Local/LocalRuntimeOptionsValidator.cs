using Microsoft.Extensions.Options;

namespace Sharpflow.Runtime.Local;

/// <summary>Checks the local runtime's options, naming the setting and the fix for each problem.</summary>
internal sealed class LocalRuntimeOptionsValidator : IValidateOptions<LocalRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalRuntimeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("LocalRuntime:DataDirectory is empty: set it to a writable directory where workloads keep their state and logs (e.g. ~/.sharpflow).");
        }

        if (options.CpuMillis <= 0)
        {
            failures.Add($"LocalRuntime:CpuMillis {options.CpuMillis} must be positive: it is the CPU the node offers in millicores (1000 per core).");
        }

        if (options.MemoryBytes <= 0)
        {
            failures.Add($"LocalRuntime:MemoryBytes {options.MemoryBytes} must be positive: it is the memory the node offers in bytes.");
        }

        if (options.Gpus < 0)
        {
            failures.Add($"LocalRuntime:Gpus {options.Gpus} must be zero or more.");
        }

        if (options.DefaultGracePeriod < TimeSpan.Zero)
        {
            failures.Add("LocalRuntime:DefaultGracePeriod must not be negative.");
        }

        if (options.MonitorInterval <= TimeSpan.Zero)
        {
            failures.Add("LocalRuntime:MonitorInterval must be positive, e.g. 00:00:01.");
        }

        ValidateImages(options.Images, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateImages(List<LocalImageOptions> images, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            if (string.IsNullOrWhiteSpace(image.Image))
            {
                failures.Add($"LocalRuntime:Images:{i}:Image is empty: name the image this entry stands for, e.g. \"python:3.11\".");
                continue;
            }

            if (!seen.Add(image.Image))
            {
                failures.Add($"LocalRuntime:Images:{i}: image \"{image.Image}\" is listed twice; keep one entry per image.");
            }

            foreach (var (command, executable) in image.Executables)
            {
                if (string.IsNullOrWhiteSpace(executable))
                {
                    failures.Add($"LocalRuntime:Images:{i}:Executables:{command} is empty: give the host executable that replaces \"{command}\".");
                }
            }
        }
    }
}
