using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sharpflow.Api.Errors;
using Sharpflow.Core.Events;
using Sharpflow.E2E.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Sharpflow.E2E.Tests;

/// <summary>The dashboard in a real Chromium against a real server: pages, navigation, live updates, namespace switch, delete.</summary>
public sealed class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 20_000 };

    [Fact]
    public async Task Home_SeededNamespace_ShowsRecentEventsCountsAndRefreshes()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/?ns=default");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Home");
        var events = page.GetByTestId("recent-events");
        await Expect(events).ToContainTextAsync("Readiness probe failed: connection refused");
        await Expect(events).ToContainTextAsync("Started container main");
        await Expect(events).ToContainTextAsync($"Pod/{DashboardSeed.PodName}");
        var counts = page.GetByTestId("kind-counts");
        await Expect(counts).ToContainTextAsync("ConfigMap");
        await Expect(counts).ToContainTextAsync("Pod");
        await Expect(page.GetByTestId("newest-objects")).ToContainTextAsync(DashboardSeed.PodName);
        await Screenshots.SaveAsync(page, "01-home");

        var pod = await fixture.Client.GetAsync(await fixture.Client.ResolveKindAsync("pods"), "default", DashboardSeed.PodName);
        await fixture.Server.Services.GetRequiredService<IEventStore>().RecordAsync(new ResourceEvent
        {
            InvolvedObject = new InvolvedObject { ApiVersion = "v1", Kind = "Pod", Namespace = "default", Name = DashboardSeed.PodName, Uid = pod.Metadata.Uid },
            Type = EventTypes.Normal,
            Reason = "Checkpointed",
            Message = "Saved checkpoint epoch-3",
        });
        await Expect(events).ToContainTextAsync("Saved checkpoint epoch-3", Live);
    }

    [Fact]
    public async Task Sidebar_EverySection_ShowsItsKindsOrWhatItWillShow()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?ns=default");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Home");

        foreach (var (title, path) in new[]
        {
            ("Pipelines", "/pipelines"), ("Runs", "/runs"), ("Experiments", "/experiments"), ("Tuning", "/tuning"),
            ("Training", "/training"), ("Models", "/models"), ("Notebooks", "/notebooks"),
        })
        {
            await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}\\?ns=default$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            // Either the kinds are served (a list, or tabs of lists) or the empty state names the kinds and how to create one.
            await Expect(page.Locator(".sf-empty, .mud-table, .mud-tabs").First).ToBeVisibleAsync();
            if (await page.Locator(".sf-empty").CountAsync() > 0)
            {
                await Expect(page.Locator(".sf-empty")).ToContainTextAsync("sharpflow apply -f");
            }

            await Screenshots.SaveAsync(page, $"02-section-{title.ToLowerInvariant()}");
        }
    }

    [Fact]
    public async Task Section_KindsServed_ShowsATabPerKindWithItsObjects()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/training?ns=default");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Training");
        var tabs = page.Locator(".mud-tabs");
        await Expect(tabs.GetByRole(AriaRole.Tab, new() { Name = "TFJob" })).ToBeVisibleAsync();
        await tabs.GetByRole(AriaRole.Tab, new() { Name = "PyTorchJob" }).ClickAsync();
        var table = page.GetByTestId("resource-table-pytorchjobs");
        await Expect(table).ToContainTextAsync(DashboardSeed.JobName);
        await Expect(table).ToContainTextAsync("Running");
        await Screenshots.SaveAsync(page, "02-section-training-with-jobs");

        await tabs.GetByRole(AriaRole.Tab, new() { Name = "TFJob" }).ClickAsync();
        await Expect(page.Locator(".sf-empty")).ToContainTextAsync("No tfjobs in namespace default");
    }

    [Fact]
    public async Task AllResources_OpenConfigMaps_ListsThemAndShowsNewOnesLive()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?ns=default");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Home");

        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "All resources" }).ClickAsync();
        var kinds = page.GetByTestId("kinds-table");
        await Expect(kinds).ToContainTextAsync("ConfigMap");
        await Expect(kinds).ToContainTextAsync("Namespace");
        await Expect(kinds).ToContainTextAsync("Pod");
        await Screenshots.SaveAsync(page, "03-all-resources");

        await kinds.GetByRole(AriaRole.Link, new() { Name = "ConfigMap", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/resources/core/v1/configmaps\\?ns=default$"));
        var table = page.GetByTestId("resource-table-configmaps");
        await Expect(table).ToContainTextAsync(DashboardSeed.ConfigMapName);

        await fixture.Client.CreateAsync(DashboardSeed.Parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: created-while-watching
              namespace: default
            data:
              note: appears without a reload
            """));
        await Expect(table).ToContainTextAsync("created-while-watching", Live);
        await Screenshots.SaveAsync(page, "04-configmaps");
    }

    [Fact]
    public async Task ResourceDetail_Pod_ShowsMetadataConditionsEventsAndYaml()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/resources/core/v1/pods?ns=default");

        await page.GetByTestId("resource-table-pods").GetByText(DashboardSeed.PodName, new() { Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/resources/core/v1/pods/{DashboardSeed.PodName}\\?ns=default$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(DashboardSeed.PodName);
        await Expect(page.GetByTestId("metadata")).ToContainTextAsync("app=trainer");
        var conditions = page.GetByTestId("conditions");
        await Expect(conditions).ToContainTextAsync("PodScheduled");
        await Expect(conditions).ToContainTextAsync("ContainersNotReady");
        await Expect(conditions.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("events")).ToContainTextAsync("Started container main");
        var yaml = page.GetByTestId("yaml");
        await Expect(yaml).ToContainTextAsync("kind: Pod");
        await Expect(yaml).ToContainTextAsync($"name: {DashboardSeed.PodName}");
        await Expect(yaml).ToContainTextAsync("image: python:3.12");
        await Expect(yaml).ToContainTextAsync("phase: Running");
        await Screenshots.SaveAsync(page, "05-pod-detail");
    }

    [Fact]
    public async Task ResourceList_ClusterScopedKind_ListsEveryNamespace()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/resources/core/v1/namespaces?ns=default");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Namespace");
        await Expect(page.Locator(".sf-page-header")).ToContainTextAsync("cluster-scoped");
        var table = page.GetByTestId("resource-table-namespaces");
        await Expect(table).ToContainTextAsync("default");
        await Expect(table).ToContainTextAsync(DashboardSeed.OtherNamespace);
    }

    [Fact]
    public async Task ResourceList_KindNotServed_SaysSo()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/resources/example.com/v1/widgets?ns=default");

        await Expect(page.Locator(".mud-alert")).ToContainTextAsync("This server does not serve \"widgets\" in example.com/v1.");
    }

    [Fact]
    public async Task NamespaceSelector_SwitchToOtherNamespace_ListsItsObjects()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/resources/core/v1/configmaps?ns=default");
        var table = page.GetByTestId("resource-table-configmaps");
        await Expect(table).ToContainTextAsync(DashboardSeed.ConfigMapName);

        await page.GetByTestId("namespace-selector").Locator(".mud-select").First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = DashboardSeed.OtherNamespace });
        await Expect(option).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "06-namespace-menu");
        await option.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/resources/core/v1/configmaps\\?ns={DashboardSeed.OtherNamespace}$"));
        await Expect(table).ToContainTextAsync(DashboardSeed.OtherConfigMapName);
        await Expect(table).Not.ToContainTextAsync(DashboardSeed.ConfigMapName);
        await Expect(page.Locator(".sf-page-header")).ToContainTextAsync($"namespace {DashboardSeed.OtherNamespace}");
        await Screenshots.SaveAsync(page, "07-namespace-team-a");

        // The choice carries over to the other pages through the sidebar links.
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/\\?ns={DashboardSeed.OtherNamespace}$"));
        await Expect(page.GetByTestId("kind-counts")).ToContainTextAsync("ConfigMap");
        await Expect(page.GetByTestId("kind-counts")).Not.ToContainTextAsync("Pod");
    }

    [Fact]
    public async Task DeleteButton_Confirmed_DeletesTheObjectAndReturnsToTheList()
    {
        var configMaps = await fixture.Client.ResolveKindAsync("configmaps");
        await fixture.Client.CreateAsync(DashboardSeed.Parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: to-delete
              namespace: default
            """));
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/resources/core/v1/configmaps/to-delete?ns=default");
        await Expect(page.GetByTestId("yaml")).ToContainTextAsync("name: to-delete");

        await page.GetByTestId("delete-button").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Delete ConfigMap \"to-delete\"?");
        await Screenshots.SaveAsync(page, "08-delete-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/resources/core/v1/configmaps\\?ns=default$"));
        await Expect(page.GetByTestId("resource-table-configmaps")).Not.ToContainTextAsync("to-delete", Live);
        await TestWait.UntilAsync(
            async () =>
            {
                try
                {
                    await fixture.Client.GetAsync(configMaps, "default", "to-delete");
                    return false;
                }
                catch (ResourceException e) when (e.Code == 404)
                {
                    return true;
                }
            },
            TimeSpan.FromSeconds(10),
            "the ConfigMap to be deleted");
    }
}
