using System.Text.Json.Nodes;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Runs through the KFP API: inline pipelines with parameters, terminate, retry, archive, artifacts, delete.</summary>
public sealed class KfpRunTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task CreateRun_InlineSpecWithParameters_PassesThemToTheTaskAndJoinsTheDefaultExperiment()
    {
        var word = KfpCalls.Unique("word");
        var created = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(
            "arguments " + word, KfpPipelines.Spec("arguments_parameters.yaml"), new JsonObject { ["param1"] = "hi", ["param2"] = word }))).Ok();

        var run = await _http.WaitForRunAsync(created.Text("run_id"));

        Assert.True(run.Text("state") == "SUCCEEDED", run.ToJsonString());
        Assert.Equal(word, run["runtime_config"]!["parameters"].Text("param2"));
        Assert.Equal("echo", run["pipeline_spec"]!["pipelineInfo"].Text("name"));
        Assert.Equal("AVAILABLE", run.Text("storage_state"));
        Assert.Equal(run.Text("created_at"), run.Text("scheduled_at"));
        var task = run["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t.ContainsKey("pod_name"));
        var log = await _http.KfpGetAsync($"/apis/v1alpha1/runs/{run.Text("run_id")}/nodes/{task.Text("task_id")}/log");
        Assert.Equal($"hi-{word}\n", log.Body);
        var history = run["state_history"]!.AsArray().Select(h => h.Text("state")).ToList();
        Assert.Equal("SUCCEEDED", history[^1]);
        var experiment = (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments/{run.Text("experiment_id")}")).Ok();
        Assert.Equal("Default", experiment.Text("display_name"));
        Assert.NotNull(experiment["last_run_created_at"]);
    }

    [Fact]
    public async Task CreateRun_SameTaskTwice_ReportsTheCachedTaskAsSkipped()
    {
        var ns = await _http.CreateNamespaceAsync("kfp-cache");
        var first = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs?namespace={ns}", KfpPipelines.RunBody("first", KfpPipelines.Spec("hello_world.yaml")))).Ok();
        Assert.Equal("SUCCEEDED", (await _http.WaitForRunAsync(first.Text("run_id"))).Text("state"));

        var second = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs?namespace={ns}", KfpPipelines.RunBody("second", KfpPipelines.Spec("hello_world.yaml")))).Ok();
        var run = await _http.WaitForRunAsync(second.Text("run_id"));

        Assert.Equal("SUCCEEDED", run.Text("state"));
        var cached = run["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t.ContainsKey("parent_task_id"));
        Assert.Equal("SKIPPED", cached.Text("state"));
        Assert.False(cached.ContainsKey("pod_name"), "a cached task runs no process");
        var noLog = (await _http.KfpGetAsync($"/apis/v1alpha1/runs/{run.Text("run_id")}/nodes/{cached.Text("task_id")}/log")).ShouldFailWith(404, 5);
        Assert.Contains("ran no process", noLog.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_LongRunningRun_EndsCanceled()
    {
        var created = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(
            KfpCalls.Unique("long"), KfpPipelines.Spec("long-running.yaml")))).Ok();
        var runId = created.Text("run_id");
        await _http.WaitForRunAsync(runId, TimeSpan.FromSeconds(60), "RUNNING");

        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/runs/{runId}:terminate")).Ok());
        var run = await _http.WaitForRunAsync(runId, TimeSpan.FromSeconds(60));

        Assert.Equal("CANCELED", run.Text("state"));
        Assert.All(run["run_details"]!["task_details"]!.AsArray(), t => Assert.Equal("CANCELED", t.Text("state")));
    }

    [Fact]
    public async Task Retry_FailedRun_RunsTheFailedTaskAgainAndSucceeds()
    {
        var marker = Path.Combine(fixture.Server.DataDirectory, KfpCalls.Unique("marker"));
        var spec = KfpPipelines.Shell("flaky", $"if [ -f {marker} ]; then echo recovered; else touch {marker}; echo failing; exit 1; fi");
        var runId = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(KfpCalls.Unique("flaky"), spec))).Ok().Text("run_id");
        var failed = await _http.WaitForRunAsync(runId);
        Assert.Equal("FAILED", failed.Text("state"));
        Assert.Equal(2, failed["error"]!["code"]!.GetValue<int>());
        var failedTask = failed["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t.Text("display_name") == "step");
        Assert.Equal("FAILED", failedTask.Text("state"));
        Assert.False(string.IsNullOrEmpty(failedTask["error"].Text("message")));

        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/runs/{runId}:retry")).Ok());
        var retried = await _http.WaitForRunAsync(runId, TimeSpan.FromSeconds(60), "SUCCEEDED");

        var states = retried["state_history"]!.AsArray().Select(h => h.Text("state")).ToList();
        Assert.Equal(["FAILED", "RUNNING", "SUCCEEDED"], states[^3..]);
        var step = retried["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t.Text("display_name") == "step");
        Assert.Equal("recovered\n", (await _http.KfpGetAsync($"/apis/v1alpha1/runs/{runId}/nodes/{step.Text("task_id")}/log")).Body);
        var refused = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs/{runId}:retry")).ShouldFailWith(400, 3);
        Assert.Contains("SUCCEEDED", refused.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadArtifact_TaskOutput_ReturnsItsContentBase64AndNothingElse()
    {
        var text = KfpCalls.Unique("payload");
        var runId = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(
            "two steps", KfpPipelines.Spec("critical/two_step_pipeline_containerized.yaml"), new JsonObject { ["text"] = text }))).Ok().Text("run_id");
        var run = await _http.WaitForRunAsync(runId);
        Assert.True(run.Text("state") == "SUCCEEDED", run.ToJsonString());
        var producer = run["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t.Text("display_name") == "component1");
        Assert.NotNull(producer["outputs"]!["output_gcs"]);

        var read = (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}/nodes/{producer.Text("task_id")}/artifacts/output_gcs:read")).Ok();

        Assert.Equal(text + "\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(read.Text("data"))));
        (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}/nodes/{producer.Text("task_id")}/artifacts/secrets:read")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}/nodes/no-such-task/artifacts/output_gcs:read")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}/nodes/{producer.Text("task_id")}/artifacts/output_gcs")).ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task ArchiveAndUnarchive_Run_ChangeItsStorageStateAndListFilters()
    {
        var name = KfpCalls.Unique("archived");
        var runId = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(name, KfpPipelines.Shell("quick", "true")))).Ok().Text("run_id");
        var filter = Uri.EscapeDataString($$"""{"predicates":[{"operation":"EQUALS","key":"display_name","string_value":"{{name}}"},{"operation":"NOT_EQUALS","key":"storage_state","string_value":"STORAGESTATE_ARCHIVED"}]}""");

        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/runs/{runId}:archive")).Ok());

        Assert.Equal("ARCHIVED", (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}")).Ok().Text("storage_state"));
        Assert.False((await _http.KfpGetAsync($"{KfpCalls.Api}/runs?filter={filter}")).Ok().ContainsKey("runs"));
        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/runs/{runId}:unarchive")).Ok());
        Assert.Equal(runId, (await _http.KfpGetAsync($"{KfpCalls.Api}/runs?filter={filter}")).Ok()["runs"]![0].Text("run_id"));
    }

    [Fact]
    public async Task Delete_Run_RemovesIt()
    {
        var runId = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(KfpCalls.Unique("deleted"), KfpPipelines.Shell("quick", "true")))).Ok().Text("run_id");
        await _http.WaitForRunAsync(runId);

        Assert.Empty((await _http.KfpDeleteAsync($"{KfpCalls.Api}/runs/{runId}")).Ok());

        await Sharpflow.Testing.TestWait.UntilAsync(
            async () => (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}")).Code == System.Net.HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30),
            "the deleted run to be gone");
        (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}")).ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task ListRuns_ByExperiment_ReturnsOnlyItsRuns()
    {
        var experiment = (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = KfpCalls.Unique("exp") })).Ok();
        var experimentId = experiment.Text("experiment_id");
        var inside = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody("inside", KfpPipelines.Shell("quick", "true"), experimentId: experimentId))).Ok();
        await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody("outside", KfpPipelines.Shell("quick", "true")));

        var listed = (await _http.KfpGetAsync($"{KfpCalls.Api}/runs?experiment_id={experimentId}")).Ok();

        var run = Assert.Single(listed["runs"]!.AsArray());
        Assert.Equal(inside.Text("run_id"), run.Text("run_id"));
        Assert.Equal(experimentId, run.Text("experiment_id"));
        Assert.False(run!.AsObject().ContainsKey("run_details"), "lists leave out task details, as they would cost a query per run");
    }
}
