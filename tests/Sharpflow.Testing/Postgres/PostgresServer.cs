using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Sharpflow.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests, run from Debian's binaries: a fresh cluster in a temporary
/// folder, trust authentication, listening on a free 127.0.0.1 port only. <see cref="SharedAsync"/>
/// starts one lazily per test run and stops it when the process exits; tests ask it for a database each.
/// As root the cluster belongs to the <c>postgres</c> OS user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string DirectoryPrefix = "sharpflow-pg-";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly string _binDirectory;
    private readonly string _root;
    private int _databaseCounter;
    private bool _disposed;

    private PostgresServer(string binDirectory, string root, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string of the server's maintenance database <c>postgres</c>, as the superuser.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The server shared by every test of this process, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>Starts a new server; the caller disposes it.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = PostgresBinaries.FindBinDirectory();
        await StopAbandonedServersAsync(bin, cancellationToken);
        var root = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var server = new PostgresServer(bin, root, FreePort());
        try
        {
            await server.InitAndStartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var safe = SafeName().Replace(prefix.ToLowerInvariant(), "_");
        var name = $"{safe[..Math.Min(safe.Length, 40)]}_{Interlocked.Increment(ref _databaseCounter)}";
        await PsqlAsync($"CREATE DATABASE \"{name}\";", cancellationToken);
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=30";

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await ProcessRunner.RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgresUser: true, CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder is removed below either way.
            }
        }

        TryDelete(_root);
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopDetached();
        return server;
    }

    /// <summary>
    /// Stops the server and removes its folder from a child shell: the test host may be killed right
    /// after its exit handlers start, and the child finishes the job regardless.
    /// </summary>
    private void StopDetached()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var script = $"'{Path.Combine(_binDirectory, "pg_ctl")}' -D '{DataDirectory}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{_root}'";
        var start = new ProcessStartInfo { FileName = ProcessRunner.IsRoot ? "runuser" : "sh", UseShellExecute = false };
        foreach (var argument in ProcessRunner.IsRoot ? ["-u", "postgres", "--", "sh", "-c", script] : new[] { "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        process?.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private async Task InitAndStartAsync(CancellationToken cancellationToken)
    {
        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgresUser: false, cancellationToken);
        }

        await ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
            asPostgresUser: true,
            cancellationToken);

        // A test server: no durability work, no unix socket, only the loopback port.
        var settings = string.Join(' ',
            $"-p {Port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200");
        await ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", settings, "-w", "-t", "60", "start"],
            asPostgresUser: true,
            cancellationToken);
    }

    private Task<string> PsqlAsync(string sql, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
            asPostgresUser: false,
            cancellationToken);

    /// <summary>Stops servers left behind by test processes that were killed before they could clean up.</summary>
    private static async Task StopAbandonedServersAsync(string bin, CancellationToken cancellationToken)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var ownerFile = Path.Combine(root, "owner.pid");
            if (!File.Exists(ownerFile)
                || !int.TryParse(await File.ReadAllTextAsync(ownerFile, cancellationToken), CultureInfo.InvariantCulture, out var owner)
                || IsAlive(owner))
            {
                continue;
            }

            var data = Path.Combine(root, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgresUser: true, cancellationToken);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more.
                }
            }

            TryDelete(root);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex SafeName();
}
