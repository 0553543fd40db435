using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Client;
using Sharpflow.E2E.Tests.Infrastructure;
using Sharpflow.Testing;

namespace Sharpflow.E2E.Tests.Runs;

/// <summary>
/// A real Sharpflow server with its controllers running (SQLite, local processes, the pipeline engine), and one
/// headless Chromium; pipeline runs are submitted through the API as a user would, and each test opens its own context.
/// </summary>
public sealed class RunsFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SharpflowTestServer Server { get; private set; } = null!;

    public SharpflowClient Client { get; private set; } = null!;

    public KindInfo Runs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SharpflowTestServer.StartAsync();
        Client = Server.CreateClient();
        Runs = await Client.GetKindAsync("pipelines.kubeflow.org/v2beta1", "Run");
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumLauncher.LaunchAsync(_playwright);
    }

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

    public async Task CreateNamespaceAsync(string name) =>
        await Client.CreateAsync(DashboardSeed.Parse($"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {name}
            """));

    /// <summary>Submits a Run of a compiled pipeline (the first YAML document is the IR), caching off so that every task runs.</summary>
    public Task<Resource> SubmitAsync(string ns, string name, string pipelineYaml, JsonObject? parameters = null)
    {
        var spec = new JsonObject
        {
            ["pipelineSpec"] = ResourceYaml.ParseDocuments(pipelineYaml)[0],
            ["enableCaching"] = false,
        };
        if (parameters is not null)
        {
            spec["runtimeConfig"] = new JsonObject { ["parameters"] = parameters };
        }

        return Client.CreateAsync(new Resource
        {
            ApiVersion = Runs.ApiVersion,
            Kind = Runs.Kind,
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = spec,
        });
    }

    public async Task<string?> StateOfAsync(string ns, string name) =>
        (await Client.GetAsync(Runs, ns, name)).Status?["state"]?.GetValue<string>();

    public Task WaitForStateAsync(string ns, string name, string state, TimeSpan? timeout = null) =>
        TestWait.UntilAsync(async () => await StateOfAsync(ns, name) == state, timeout ?? TimeSpan.FromMinutes(2), $"run {ns}/{name} reaching {state}");

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
