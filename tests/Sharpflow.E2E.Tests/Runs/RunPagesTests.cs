using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sharpflow.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sharpflow.E2E.Tests.Runs;

/// <summary>
/// The Runs pages in a real Chromium against a server that really runs the pipelines: the live list and its filter,
/// the run's graph turning green as the engine works, drilling into sub-DAGs and loops, the task panel with inputs,
/// outputs and logs, artifact previews, and terminating from the page.
/// </summary>
public sealed class RunPagesTests(RunsFixture fixture) : IClassFixture<RunsFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions UntilFinished = new() { Timeout = 120_000 };
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task RunsList_RunsInSeveralStates_ShowsStatesProgressAndFiltersByState()
    {
        const string ns = "runs-list";
        await fixture.CreateNamespaceAsync(ns);
        await fixture.SubmitAsync(ns, "hello", AcceptancePipelines.Read(AcceptancePipelines.HelloWorld));
        await fixture.SubmitAsync(ns, "broken", InlinePipelines.FailingStep);
        await fixture.WaitForStateAsync(ns, "hello", "SUCCEEDED");
        await fixture.WaitForStateAsync(ns, "broken", "FAILED");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/runs?ns={ns}");

        var table = page.GetByTestId("runs-table");
        await Expect(table).ToContainTextAsync("hello");
        await Expect(Row(page, "hello").Locator("xpath=..")).ToContainTextAsync("Succeeded");
        await Expect(Row(page, "broken").Locator("xpath=..")).ToContainTextAsync("Failed");
        await Expect(Row(page, "broken").Locator("xpath=..")).ToContainTextAsync("failing-step");
        await Expect(Row(page, "hello").Locator("xpath=..").GetByTestId("task-progress")).ToContainTextAsync("1/1");

        // A run started while the page is open appears, and its state changes, without a reload.
        await fixture.SubmitAsync(ns, "sleeper", AcceptancePipelines.Read(AcceptancePipelines.LongRunning));
        await Expect(Row(page, "sleeper").Locator("xpath=..")).ToContainTextAsync("Running", Live);
        await Screenshots.SaveAsync(page, "runs-01-list");

        await page.GetByTestId("state-filter-failed").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("state=failed"));
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("broken");
        await Expect(table).Not.ToContainTextAsync("hello");
        await Screenshots.SaveAsync(page, "runs-02-list-filtered");

        await page.GetByTestId("state-filter-all").ClickAsync();
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await page.GetByPlaceholder("Filter by name or pipeline").FillAsync("sleep");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);

        await Row(page, "sleeper").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/runs/sleeper\\?ns={ns}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("sleeper");
        await fixture.Client.PatchAsync(fixture.Runs, ns, "sleeper", """{"spec":{"terminate":true}}""");
    }

    [Fact]
    public async Task Graph_NestedPipelineWithLoop_TurnsGreenAndDrillsIntoTheLoopIterations()
    {
        const string ns = "default";
        const string name = "collected";
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await fixture.SubmitAsync(ns, name, AcceptancePipelines.Read(AcceptancePipelines.CollectedParameters));
        await page.GotoAsync($"/runs/{name}?ns={ns}");

        var graph = page.GetByTestId("run-graph");
        await Expect(graph.GetByTestId("graph-node")).ToHaveCountAsync(2);
        await Expect(Edge(page, "collecting-parameters", "consume-ids")).ToHaveCountAsync(1);
        await Expect(graph.GetByTestId("graph-edge")).ToHaveCountAsync(1);
        await Expect(Node(page, "collecting-parameters")).ToHaveAttributeAsync("data-kind", "dag");
        await Expect(Node(page, "collecting-parameters")).ToHaveAttributeAsync("data-state", "succeeded", UntilFinished);
        await Expect(Node(page, "consume-ids")).ToHaveAttributeAsync("data-state", "succeeded", UntilFinished);
        await Expect(page.GetByTestId("run-summary").GetByTestId("run-state")).ToHaveAttributeAsync("data-state", "SUCCEEDED", UntilFinished);
        await Screenshots.SaveAsync(page, "runs-04-graph-finished");

        await Node(page, "collecting-parameters").ClickAsync();
        await Expect(graph).ToHaveAttributeAsync("data-level", "root/collecting-parameters");
        await Expect(graph.GetByTestId("graph-node")).ToHaveCountAsync(3);
        await Expect(Edge(page, "split-ids", "for-loop-1")).ToHaveCountAsync(1);
        await Expect(Edge(page, "for-loop-1", "consume-ids")).ToHaveCountAsync(1);
        await Expect(Node(page, "for-loop-1")).ToHaveAttributeAsync("data-kind", "loop");
        await Expect(Node(page, "for-loop-1")).ToContainTextAsync("3 iterations");

        await Node(page, "for-loop-1").ClickAsync();
        await Expect(graph).ToHaveAttributeAsync("data-level", "root/collecting-parameters/for-loop-1");
        await Expect(graph.GetByTestId("graph-node")).ToHaveCountAsync(3);
        await Expect(graph.Locator("[data-testid=graph-node][data-state=succeeded]")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "runs-05-graph-loop-iterations");

        await Node(page, "0").ClickAsync();
        await Expect(graph).ToHaveAttributeAsync("data-level", "root/collecting-parameters/for-loop-1/0");
        await Expect(Edge(page, "prepend-id", "consume-single-id")).ToHaveCountAsync(1);
        await Expect(Node(page, "consume-single-id")).ToHaveAttributeAsync("data-state", "succeeded");
        await Expect(page.GetByTestId("graph-crumb")).ToHaveCountAsync(4);

        await page.GetByTestId("graph-crumb").First.ClickAsync();
        await Expect(graph).ToHaveAttributeAsync("data-level", "root");
        await Expect(graph.GetByTestId("graph-node")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Graph_FlipCoin_RunsOneBranchAndSkipsTheOther()
    {
        const string ns = "default";
        const string name = "flip-coin";
        await fixture.SubmitAsync(ns, name, AcceptancePipelines.Read(AcceptancePipelines.FlipCoin));
        await fixture.WaitForStateAsync(ns, name, "SUCCEEDED");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/runs/{name}?ns={ns}");

        var graph = page.GetByTestId("run-graph");
        await Expect(graph.GetByTestId("graph-node")).ToHaveCountAsync(3);
        await Expect(Edge(page, "flip-coin", "condition-1")).ToHaveCountAsync(1);
        await Expect(Edge(page, "flip-coin", "condition-4")).ToHaveCountAsync(1);
        await Expect(graph.Locator("[data-testid=graph-node][data-kind=condition]")).ToHaveCountAsync(2);
        await Expect(graph.Locator("[data-testid=graph-node][data-kind=condition][data-state=succeeded]")).ToHaveCountAsync(1);
        await Expect(graph.Locator("[data-testid=graph-node][data-kind=condition][data-state=skipped]")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "runs-04b-graph-conditions");

        var drawing = graph.Locator("svg.sf-graph");
        var natural = Width(await drawing.GetAttributeAsync("width"));
        await page.GetByTestId("zoom-out").ClickAsync();
        await page.GetByTestId("zoom-out").ClickAsync();
        await Expect(page.GetByTestId("zoom-reset")).ToHaveTextAsync("50%");
        Assert.Equal(natural / 2, Width(await drawing.GetAttributeAsync("width")), 0.5);
        await Screenshots.SaveAsync(page, "runs-04c-graph-zoomed-out");
        await page.GetByTestId("zoom-reset").ClickAsync();
        await page.GetByTestId("zoom-in").ClickAsync();
        await Expect(page.GetByTestId("zoom-reset")).ToHaveTextAsync("125%");
        Assert.Equal(natural * 1.25, Width(await drawing.GetAttributeAsync("width")), 0.5);
        await page.GetByTestId("zoom-reset").ClickAsync();

        await graph.Locator("[data-testid=graph-node][data-kind=condition][data-state=succeeded]").ClickAsync();
        await Expect(graph.GetByTestId("graph-node")).ToHaveCountAsync(3);
        await Expect(graph.Locator("[data-testid=graph-node][data-kind=condition][data-state=succeeded]")).ToHaveCountAsync(1);
        await Expect(graph.Locator("[data-testid=graph-node][data-kind=condition][data-state=skipped]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TaskPanel_LoopIterationTask_ShowsInputsOutputsAndLog()
    {
        const string ns = "default";
        const string name = "collected-panel";
        await fixture.SubmitAsync(ns, name, AcceptancePipelines.Read(AcceptancePipelines.CollectedParameters));
        await fixture.WaitForStateAsync(ns, name, "SUCCEEDED");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/runs/{name}?ns={ns}");

        await Node(page, "collecting-parameters").ClickAsync();
        await Node(page, "for-loop-1").ClickAsync();
        await Node(page, "0").ClickAsync();
        await Node(page, "prepend-id").ClickAsync();

        var panel = page.GetByTestId("task-panel");
        await Expect(panel.GetByTestId("task-title")).ToHaveTextAsync("prepend-id");
        await Expect(panel.GetByTestId("task-state")).ToHaveAttributeAsync("data-state", "succeeded");
        await Expect(panel.GetByTestId("task-inputs")).ToContainTextAsync("s1");
        await Expect(panel.GetByTestId("task-outputs")).ToContainTextAsync("Output");
        await Expect(panel.GetByTestId("task-outputs")).ToContainTextAsync("model_id_s1");
        await Screenshots.SaveAsync(page, "runs-06-task-panel-io");

        await panel.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        await Expect(panel.GetByTestId("task-details")).ToContainTextAsync("root/collecting-parameters/for-loop-1/0/prepend-id");
        await Expect(panel.GetByTestId("task-attempts")).ToHaveTextAsync("1");

        await panel.GetByRole(AriaRole.Tab, new() { Name = "Logs" }).ClickAsync();
        await Expect(panel.GetByTestId("task-log")).ToContainTextAsync("prepending: s1");
        await Screenshots.SaveAsync(page, "runs-07-task-panel-logs");

        await panel.GetByTestId("task-panel-close").ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ArtifactPreviews_MetricsHtmlMarkdown_AreShownInTheTaskPanel()
    {
        const string ns = "default";
        const string name = "model-report";
        await fixture.SubmitAsync(ns, name, InlinePipelines.ModelReport);
        await fixture.WaitForStateAsync(ns, name, "SUCCEEDED");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/runs/{name}?ns={ns}");

        await Node(page, "evaluate").ClickAsync();
        var outputs = page.GetByTestId("task-panel").GetByTestId("task-outputs");
        var metrics = outputs.GetByTestId("metrics-table");
        await Expect(metrics).ToContainTextAsync("accuracy");
        await Expect(metrics).ToContainTextAsync("0.92");
        await Expect(metrics.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(outputs.GetByTestId("metrics-chart").Locator(".sf-metric-bar")).ToHaveCountAsync(3);

        var matrix = outputs.GetByTestId("confusion-matrix");
        await Expect(matrix).ToContainTextAsync("bird");
        await Expect(matrix.Locator("td")).ToHaveCountAsync(9);
        await Expect(matrix.Locator("td").First).ToHaveTextAsync("38");
        await Expect(outputs.GetByTestId("roc-curve").Locator(".js-plotly-plot .scatterlayer .trace")).ToHaveCountAsync(2);

        var markdown = outputs.GetByTestId("markdown-preview");
        await Expect(markdown.Locator("h1")).ToHaveTextAsync("Training summary");
        await Expect(markdown.Locator("strong")).ToHaveTextAsync("92% accuracy");
        await Expect(markdown.Locator("table td")).ToHaveCountAsync(4);

        var frame = outputs.GetByTestId("html-preview");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "");
        // The report's own script would rename the title: in the sandbox it does not run.
        await Expect(page.FrameLocator("[data-testid=html-preview]").Locator("h2")).ToHaveTextAsync("Evaluation report");
        // The panel scrolls on its own: a tall window shows every preview in one picture.
        await page.SetViewportSizeAsync(1440, 2100);
        await Screenshots.SaveAsync(page, "runs-08-artifact-previews");
        await page.SetViewportSizeAsync(1440, 900);

        await page.GetByTestId("task-panel").GetByRole(AriaRole.Tab, new() { Name = "Logs" }).ClickAsync();
        await Expect(page.GetByTestId("task-log")).ToContainTextAsync("accuracy=0.92 f1=0.88 loss=0.31");
    }

    [Fact]
    public async Task Terminate_RunningPipeline_ConfirmsAndEndsCanceled()
    {
        const string ns = "default";
        const string name = "long-wait";
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await fixture.SubmitAsync(ns, name, AcceptancePipelines.Read(AcceptancePipelines.LongRunning));
        await page.GotoAsync($"/runs/{name}?ns={ns}");

        await Expect(Node(page, "wait-op")).ToHaveAttributeAsync("data-state", "running", UntilFinished);
        await Expect(Node(page, "wait-op-2")).ToHaveAttributeAsync("data-state", "not-started");
        await Expect(page.GetByTestId("run-summary").GetByTestId("run-state")).ToHaveAttributeAsync("data-state", "RUNNING");
        await Screenshots.SaveAsync(page, "runs-03-graph-running");

        await Node(page, "wait-op").ClickAsync();
        await page.GetByTestId("task-panel").GetByRole(AriaRole.Tab, new() { Name = "Logs" }).ClickAsync();
        await Expect(page.GetByTestId("task-log")).ToContainTextAsync("step-1 sleeping for 5m");
        await Expect(page.GetByTestId("task-log-live")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "runs-03b-task-log-streaming");
        await page.GetByTestId("task-panel-close").ClickAsync();

        await page.GetByTestId("terminate-button").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync($"Terminate run \"{name}\"?");
        await dialog.GetByTestId("confirm-run-action-button").ClickAsync();

        await Expect(page.GetByTestId("run-summary").GetByTestId("run-state")).ToHaveAttributeAsync("data-state", "CANCELED", UntilFinished);
        await Expect(Node(page, "wait-op")).ToHaveAttributeAsync("data-state", "canceled", UntilFinished);
        await Expect(Node(page, "wait-op-2")).ToHaveAttributeAsync("data-state", "canceled");
        await Expect(page.GetByTestId("terminate-button")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("retry-button")).ToBeVisibleAsync();
        Assert.Equal("CANCELED", await fixture.StateOfAsync(ns, name));

        await page.Locator(".mud-snackbar").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Detail" }).ClickAsync();
        var history = page.GetByTestId("state-history");
        await Expect(history).ToContainTextAsync("Running");
        await Expect(history).ToContainTextAsync("Canceled");
        await Screenshots.SaveAsync(page, "runs-09-terminated-detail");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Pipeline Spec" }).ClickAsync();
        await Expect(page.GetByTestId("pipeline-spec")).ToContainTextAsync("name: wait-awhile");

        // Retry asks for the next retry round and clears terminate, as the engine's contract says.
        await page.GetByTestId("retry-button").ClickAsync();
        await Expect(dialog).ToContainTextAsync($"Retry run \"{name}\"?");
        await dialog.GetByTestId("confirm-run-action-button").ClickAsync();
        await Expect(page.GetByTestId("run-summary").GetByTestId("run-state")).ToHaveAttributeAsync("data-state", "RUNNING", UntilFinished);
        var retried = await fixture.Client.GetAsync(fixture.Runs, ns, name);
        Assert.Equal(1, retried.Spec!["retry"]!.GetValue<int>());
        Assert.False(retried.Spec["terminate"]!.GetValue<bool>());
        await Expect(page.GetByTestId("terminate-button")).ToBeVisibleAsync();
        await fixture.Client.PatchAsync(fixture.Runs, ns, name, """{"spec":{"terminate":true}}""");
        await Expect(page.GetByTestId("run-summary").GetByTestId("run-state")).ToHaveAttributeAsync("data-state", "CANCELED", UntilFinished);
    }

    private static ILocator Row(IPage page, string run) => page.GetByTestId($"run-row-{run}");

    private static ILocator Node(IPage page, string task) => page.Locator($"[data-testid=graph-node][data-task=\"{task}\"]");

    private static ILocator Edge(IPage page, string from, string to) =>
        page.Locator($"[data-testid=graph-edge][data-from=\"{from}\"][data-to=\"{to}\"]");

    private static double Width(string? attribute) => double.Parse(attribute!, System.Globalization.CultureInfo.InvariantCulture);
}
