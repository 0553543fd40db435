using Microsoft.Extensions.DependencyInjection;

namespace Sharpflow.Server.Hosting;

/// <summary>
/// How one Sharpflow server runs. Bound from the "Sharpflow" configuration section (appsettings.json,
/// environment variables <c>SHARPFLOW__DATADIRECTORY</c>, <c>SHARPFLOW__STORE__PROVIDER</c>, ...); values set
/// on the instance passed to <see cref="SharpflowHost.Build"/> (command-line flags) win over configuration.
/// Unset values get their defaults in <see cref="SharpflowServerOptions.Resolve"/>.
/// </summary>
public sealed class SharpflowServerOptions
{
    public const string SectionName = "Sharpflow";

    public const int DefaultPort = 8080;

    /// <summary>Where the database, logs and workloads live. Default: <c>~/.sharpflow</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Listen addresses separated by ';'. Default: <c>http://127.0.0.1:{Port}</c>.</summary>
    public string? Urls { get; set; }

    /// <summary>Port on 127.0.0.1 when <see cref="Urls"/> is not set; 0 picks a free one. Default: 8080.</summary>
    public int? Port { get; set; }

    public SharpflowStoreOptions Store { get; set; } = new();

    /// <summary>Whether this server runs the controllers (reconcilers). Default: true.</summary>
    public bool? RunControllers { get; set; }

    /// <summary>How long shutdown waits for requests and controllers to finish. Default: 10 seconds.</summary>
    public TimeSpan? ShutdownTimeout { get; set; }

    /// <summary>Extra service registrations applied after Sharpflow's own (the last registration of a service wins).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Fills every unset value from <paramref name="fallback"/>, then from the defaults.</summary>
    public SharpflowServerOptions Resolve(SharpflowServerOptions? fallback = null)
    {
        var dataDirectory = Path.GetFullPath(ExpandHome(DataDirectory ?? fallback?.DataDirectory ?? DefaultDataDirectory()));
        var port = Port ?? fallback?.Port ?? DefaultPort;
        var provider = Store.Provider ?? fallback?.Store.Provider ?? SharpflowStoreOptions.Sqlite;
        return new SharpflowServerOptions
        {
            DataDirectory = dataDirectory,
            Port = port,
            Urls = Urls ?? (Port is null ? fallback?.Urls : null) ?? $"http://127.0.0.1:{port}",
            Store = new SharpflowStoreOptions
            {
                Provider = provider,
                ConnectionString = Store.ConnectionString ?? fallback?.Store.ConnectionString
                    ?? (string.Equals(provider, SharpflowStoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
                        ? $"Data Source={Path.Combine(dataDirectory, "sharpflow.db")}"
                        : null),
            },
            RunControllers = RunControllers ?? fallback?.RunControllers ?? true,
            ShutdownTimeout = ShutdownTimeout ?? fallback?.ShutdownTimeout ?? TimeSpan.FromSeconds(10),
            ConfigureServices = ConfigureServices ?? fallback?.ConfigureServices,
        };
    }

    private static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".sharpflow");

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
