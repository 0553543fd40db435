using Microsoft.Extensions.Options;

namespace Sharpflow.Server.Hosting;

/// <summary>Checks resolved options, naming the setting and the fix for each problem.</summary>
internal sealed class SharpflowServerOptionsValidator : IValidateOptions<SharpflowServerOptions>
{
    public ValidateOptionsResult Validate(string? name, SharpflowServerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Sharpflow:DataDirectory is empty: set it to a writable directory (default ~/.sharpflow).");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Sharpflow:Port {options.Port} is out of range: use 1-65535, or 0 for a free port.");
        }

        foreach (var url in (options.Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"Sharpflow:Urls entry \"{url}\" is not an absolute http(s) URL such as http://127.0.0.1:8080.");
            }
        }

        var provider = options.Store.Provider;
        if (!string.Equals(provider, SharpflowStoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(provider, SharpflowStoreOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Sharpflow:Store:Provider \"{provider}\" is not supported: use \"sqlite\" or \"postgres\".");
        }
        else if (string.IsNullOrWhiteSpace(options.Store.ConnectionString))
        {
            failures.Add($"Sharpflow:Store:ConnectionString is required for the {provider} store.");
        }

        if (options.ShutdownTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            failures.Add("Sharpflow:ShutdownTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
