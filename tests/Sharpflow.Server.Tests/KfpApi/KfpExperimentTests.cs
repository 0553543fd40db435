using System.Text.Json.Nodes;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Experiments through the KFP API: unique display names, archive with their runs, delete.</summary>
public sealed class KfpExperimentTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Create_ExperimentWithAnotherExperimentsDisplayName_AnswersAlreadyExists()
    {
        var name = KfpCalls.Unique("My Experiment");
        var created = (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = name, ["description"] = "d" })).Ok();

        Assert.Equal(name, created.Text("display_name"));
        Assert.Equal("d", created.Text("description"));
        Assert.Equal("default", created.Text("namespace"));
        Assert.Equal("AVAILABLE", created.Text("storage_state"));
        (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = name })).ShouldFailWith(409, 6);
    }

    [Fact]
    public async Task Archive_Experiment_ArchivesItsRunsAndRefusesNewOnesUntilUnarchived()
    {
        var experimentId = (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = KfpCalls.Unique("archived") })).Ok().Text("experiment_id");
        var runId = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody("in archive", KfpPipelines.Shell("quick", "true"), experimentId: experimentId))).Ok().Text("run_id");

        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/experiments/{experimentId}:archive")).Ok());

        Assert.Equal("ARCHIVED", (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments/{experimentId}")).Ok().Text("storage_state"));
        Assert.Equal("ARCHIVED", (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}")).Ok().Text("storage_state"));
        (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody("refused", KfpPipelines.Shell("quick", "true"), experimentId: experimentId))).ShouldFailWith(409, 9);
        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/experiments/{experimentId}:unarchive")).Ok());
        Assert.Equal("AVAILABLE", (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments/{experimentId}")).Ok().Text("storage_state"));
        Assert.Equal("ARCHIVED", (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/{runId}")).Ok().Text("storage_state"));
    }

    [Fact]
    public async Task Delete_Experiment_RemovesIt()
    {
        var experimentId = (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = KfpCalls.Unique("gone") })).Ok().Text("experiment_id");

        Assert.Empty((await _http.KfpDeleteAsync($"{KfpCalls.Api}/experiments/{experimentId}")).Ok());

        (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments/{experimentId}")).ShouldFailWith(404, 5);
        (await _http.KfpDeleteAsync($"{KfpCalls.Api}/experiments/{experimentId}")).ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task Create_ExperimentInAMissingNamespace_AnswersNotFound()
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = "lost", ["namespace"] = "no-such-namespace" })).ShouldFailWith(404, 5);

        Assert.Contains("no-such-namespace", status.Text("message"), StringComparison.Ordinal);
    }
}
