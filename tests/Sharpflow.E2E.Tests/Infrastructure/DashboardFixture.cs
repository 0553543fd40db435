using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sharpflow.Client;
using Sharpflow.Core.Events;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.E2E.Tests.Infrastructure;

/// <summary>
/// One real Sharpflow server (controllers off, so nothing but the test changes the objects) with the
/// seed objects, and one headless Chromium; each test opens its own browser context.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SharpflowTestServer Server { get; private set; } = null!;

    public SharpflowClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
        {
            RunControllers = false,
            ConfigureServices = services =>
            {
                // Two training kinds, registered as the training component registers them, so that a component
                // section is seen both with kinds (Training) and without (the sections whose kinds are not served).
                foreach (var kind in DashboardSeed.TrainingKinds)
                {
                    services.AddSingleton(kind);
                }
            },
        });
        Client = Server.CreateClient();
        await DashboardSeed.CreateAsync(Client, Server.Services.GetRequiredService<IEventStore>());
        // The first page of a fresh server compiles Blazor's rendering paths; on a busy machine that alone can
        // pass Playwright's 5 s default for assertions.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumLauncher.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser context (no shared cookies or circuits) with a desktop-sized viewport.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
