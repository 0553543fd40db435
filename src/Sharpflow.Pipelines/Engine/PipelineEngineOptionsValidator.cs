using Microsoft.Extensions.Options;

namespace Sharpflow.Pipelines.Engine;

internal sealed class PipelineEngineOptionsValidator : IValidateOptions<PipelineEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineEngineOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Sharpflow:Pipelines:DataDirectory is required: the server's data directory, where artifacts and task folders go.");
        }

        if (options.StopGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"Sharpflow:Pipelines:StopGracePeriod is {options.StopGracePeriod}; use zero or more.");
        }

        if (options.StatusInterval < TimeSpan.Zero)
        {
            failures.Add($"Sharpflow:Pipelines:StatusInterval is {options.StatusInterval}; use zero or more.");
        }

        if (options.PendingRecheck <= TimeSpan.Zero)
        {
            failures.Add($"Sharpflow:Pipelines:PendingRecheck is {options.PendingRecheck}; use a positive time.");
        }

        foreach (var (word, replacement) in options.Executables)
        {
            if (string.IsNullOrWhiteSpace(replacement))
            {
                failures.Add($"Sharpflow:Pipelines:Executables:{word} is empty: give the executable that replaces \"{word}\".");
            }
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
