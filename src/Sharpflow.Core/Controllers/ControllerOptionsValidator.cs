using Microsoft.Extensions.Options;

namespace Sharpflow.Core.Controllers;

internal sealed class ControllerOptionsValidator : IValidateOptions<ControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, ControllerOptions options)
    {
        var failures = new List<string>();
        if (options.Workers < 1)
        {
            failures.Add($"Controllers:Workers must be at least 1; got {options.Workers}.");
        }

        if (options.ResyncPeriod <= TimeSpan.Zero)
        {
            failures.Add($"Controllers:ResyncPeriod must be positive; got {options.ResyncPeriod}.");
        }

        if (options.BackoffBase <= TimeSpan.Zero || options.BackoffMax < options.BackoffBase)
        {
            failures.Add($"Controllers:BackoffBase must be positive and not above BackoffMax; got {options.BackoffBase} and {options.BackoffMax}.");
        }

        if (options.LeaderElection)
        {
            if (string.IsNullOrWhiteSpace(options.LeaseName))
            {
                failures.Add("Controllers:LeaseName must be set when leader election is on.");
            }

            if (options.RenewInterval <= TimeSpan.Zero || options.RenewInterval >= options.LeaseDuration)
            {
                failures.Add($"Controllers:RenewInterval must be positive and shorter than LeaseDuration; got {options.RenewInterval} and {options.LeaseDuration}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
