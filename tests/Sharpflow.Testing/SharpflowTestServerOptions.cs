using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Server.Hosting;

namespace Sharpflow.Testing;

/// <summary>How a <see cref="SharpflowTestServer"/> runs; by default SQLite in a fresh temporary data directory.</summary>
public sealed record SharpflowTestServerOptions
{
    /// <summary>Run on PostgreSQL instead of SQLite (e.g. a database from the PostgreSQL test fixture).</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Use this data directory instead of a fresh temporary one; it is then left in place on dispose.</summary>
    public string? DataDirectory { get; init; }

    public bool RunControllers { get; init; } = true;

    /// <summary>Minimum level of the server's console log ("Warning" keeps test output quiet).</summary>
    public string LogLevel { get; init; } = "Warning";

    /// <summary>Test-only service replacements (an authorizer that denies, say), applied after Sharpflow's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Configuration keys and values (e.g. <c>Sharpflow:Artifacts:S3:ServiceUrl</c>), given to the server as command-line arguments.</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>Any other server setting, applied last.</summary>
    public Action<SharpflowServerOptions>? ConfigureServer { get; init; }
}
