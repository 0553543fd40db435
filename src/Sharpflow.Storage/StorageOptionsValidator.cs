using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Sharpflow.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.UsesSqlite && !options.UsesPostgres)
        {
            failures.Add($"Storage:Provider must be \"{StorageOptions.Sqlite}\" or \"{StorageOptions.Postgres}\"; got \"{options.Provider}\".");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(options.UsesPostgres
                ? "Storage:ConnectionString is required for PostgreSQL, e.g. \"Host=localhost;Database=sharpflow;Username=sharpflow\"."
                : "Storage:ConnectionString is required, e.g. \"Data Source=/path/to/sharpflow.db\".");
        }
        else if (ConnectionStringProblem(options.ConnectionString) is { } problem)
        {
            failures.Add($"Storage:ConnectionString is not a valid connection string: {problem}");
        }

        if (options.WatchPollInterval <= TimeSpan.Zero)
        {
            failures.Add("Storage:WatchPollInterval must be positive.");
        }

        if (options.ChangeLogRetainCount < 1)
        {
            failures.Add("Storage:ChangeLogRetainCount must be at least 1.");
        }

        if (options.ChangeLogRetainAge < TimeSpan.Zero || options.EventRetainAge < TimeSpan.Zero)
        {
            failures.Add("Storage:ChangeLogRetainAge and Storage:EventRetainAge must not be negative.");
        }

        if (options.CompactionInterval <= TimeSpan.Zero)
        {
            failures.Add("Storage:CompactionInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
