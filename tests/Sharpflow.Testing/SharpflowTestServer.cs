using System.Net;
using Microsoft.AspNetCore.Builder;
using Sharpflow.Client;
using Sharpflow.Server.Hosting;

namespace Sharpflow.Testing;

/// <summary>
/// The real Sharpflow server on a free 127.0.0.1 port over a temporary data directory (SQLite by
/// default), for end-to-end tests over HTTP. <see cref="RestartAsync"/> stops it and starts it again on
/// the same port and data, as a restart of <c>sharpflow up</c> would; dispose stops it and deletes the
/// temporary directory.
/// </summary>
public sealed class SharpflowTestServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly SharpflowTestServerOptions _options;
    private readonly bool _ownsDataDirectory;
    private WebApplication? _app;
    private int _port;

    private SharpflowTestServer(SharpflowTestServerOptions options)
    {
        _options = options;
        _ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "sharpflow-test-" + Guid.NewGuid().ToString("N")[..12]);
        HttpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
    }

    public string DataDirectory { get; }

    public Uri BaseAddress => HttpClient.BaseAddress ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A client whose base address is the server; it stays valid across <see cref="RestartAsync"/>.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The running server's services (the store, the runtime, ...).</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The server is not running.")).Services;

    /// <summary>A typed client for the server (a new one each time, so it never holds kinds from before a restart).</summary>
    public SharpflowClient CreateClient() => new(HttpClient);

    public static async Task<SharpflowTestServer> StartAsync(SharpflowTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new SharpflowTestServer(options ?? new SharpflowTestServerOptions());
        try
        {
            await server.StartCoreAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits on a condition (no fixed sleeps in tests); throws <see cref="TimeoutException"/> when it does not hold in time.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null) =>
        TestWait.UntilAsync(condition, timeout, what);

    /// <summary>Stops the server gracefully and starts it again over the same data directory and port.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartCoreAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        HttpClient.Dispose();
        if (_ownsDataDirectory)
        {
            DeleteDirectory(DataDirectory);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var server = new SharpflowServerOptions
        {
            DataDirectory = DataDirectory,
            Port = _port,
            Urls = $"http://127.0.0.1:{_port}",
            RunControllers = _options.RunControllers,
            ConfigureServices = _options.ConfigureServices,
        };
        if (_options.PostgresConnectionString is { } postgres)
        {
            server.Store = new SharpflowStoreOptions { Provider = SharpflowStoreOptions.Postgres, ConnectionString = postgres };
        }

        _options.ConfigureServer?.Invoke(server);
        var app = SharpflowHost.Build(server, [$"--Logging:LogLevel:Default={_options.LogLevel}", .. _options.Configuration.Select(c => $"--{c.Key}={c.Value}")]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
        var address = SharpflowHost.GetListenAddresses(app)[0];
        _port = address.Port;
        HttpClient.BaseAddress ??= address;
        await TestWait.UntilAsync(
            async () =>
            {
                using var response = await HttpClient.GetAsync(new Uri(address, "/readyz"), cancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            },
            StartTimeout,
            $"readiness of the server at {address}");
    }

    private static void DeleteDirectory(string path)
    {
        // Workload processes may still be writing their last lines; a few tries get past that.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
