using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Dashboard;
using Sharpflow.Pipelines.DependencyInjection;

namespace Sharpflow.Server.Hosting;

/// <summary>
/// Builds and runs the whole platform in one process: the resource API, the controllers, the local
/// runtime and the dashboard, over the configured store. Used by <c>sharpflow up</c> and by the test server.
/// </summary>
public static class SharpflowHost
{
    /// <summary>
    /// Builds the server. <paramref name="options"/> (e.g. from command-line flags) win over the "Sharpflow"
    /// configuration section, which wins over the defaults. Throws <see cref="OptionsValidationException"/>
    /// naming every invalid setting. Creates the data directory; the store is migrated when the host starts.
    /// </summary>
    public static WebApplication Build(SharpflowServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [] });
        var configured = builder.Configuration.GetSection(SharpflowServerOptions.SectionName).Get<SharpflowServerOptions>();
        var resolved = options.Resolve(configured);
        var validation = new SharpflowServerOptionsValidator().Validate(Options.DefaultName, resolved);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SharpflowServerOptions), validation.Failures);
        }

        new DataDirectoryLayout(resolved.DataDirectory!).Create();
        builder.WebHost.UseUrls(resolved.Urls!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.ClearProviders().AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = resolved.ShutdownTimeout!.Value);
        builder.Services.AddSharpflowServer(resolved, builder.Configuration);
        builder.Services.AddSharpflowPipelines(pipelines =>
        {
            builder.Configuration.GetSection("Sharpflow:Pipelines").Bind(pipelines);
            pipelines.DataDirectory ??= resolved.DataDirectory;
        });

        builder.Services.AddSharpflowDashboard();
        resolved.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseSharpflowServer();

        app.MapSharpflowDashboard();
        return app;
    }

    /// <summary>Builds, starts and runs the server until <paramref name="cancellationToken"/> fires or the process gets SIGINT/SIGTERM.</summary>
    public static async Task RunAsync(SharpflowServerOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        var app = Build(options, args);
        await app.RunAsync(cancellationToken); // disposes the app when it stops
    }

    /// <summary>The addresses a started server listens on, with the actual port when port 0 was asked for.</summary>
    public static IReadOnlyList<Uri> GetListenAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(a => new Uri(a)).ToList();
    }
}
