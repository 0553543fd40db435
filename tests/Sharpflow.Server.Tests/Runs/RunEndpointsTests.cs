using System.Text.Json;
using Sharpflow.Api.Errors;
using Sharpflow.Core.Executions;
using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Runs;

/// <summary>A run's task executions and the artifacts they recorded, read through the run endpoints.</summary>
public sealed class RunEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ListRunTasks_FinishedRun_ReturnsTheTreeWithRecordedArtifacts()
    {
        var name = await ArtifactRuns.RunToSuccessAsync(fixture);

        var tasks = await fixture.Server.CreateClient().ListRunTasksAsync("default", name);

        Assert.Equal(["root", "root/consume", "root/produce"], tasks.Select(t => t.TaskPath));
        Assert.All(tasks, t => Assert.Equal(TaskExecutionState.Succeeded, t.State));
        var produce = tasks.Single(t => t.TaskName == "produce");
        Assert.Equal(TaskExecutionKind.Container, produce.Kind);
        Assert.StartsWith("/sharpflow/v1/workloads/", produce.LogLocation, StringComparison.Ordinal);
        Assert.Equal("hello report", (await ReadArtifactAsync(name, ReportUri(produce))).Trim());
    }

    [Fact]
    public async Task ListRunTasks_FinishedRun_NoTaskStartedBeforeTheRunOrEndedAfterIt()
    {
        var name = await ArtifactRuns.RunToSuccessAsync(fixture);
        var status = JsonDocument.Parse((await fixture.Http.ApiGetAsync($"{ArtifactRuns.Runs}/{name}")).Body).RootElement.GetProperty("status");
        // Task executions are stored to the millisecond.
        var started = ToMillisecond(status.GetProperty("startedAt").GetDateTimeOffset());
        var finished = ToMillisecond(status.GetProperty("finishedAt").GetDateTimeOffset()).AddMilliseconds(1);

        var tasks = await fixture.Server.CreateClient().ListRunTasksAsync("default", name);

        Assert.All(tasks, t => Assert.InRange(t.StartedAt!.Value, started, finished));
        Assert.All(tasks, t => Assert.InRange(t.FinishedAt!.Value, started, finished));
    }

    [Fact]
    public async Task ReadRunArtifact_Directory_ListsItsFilesAndServesOneByPath()
    {
        var name = await ArtifactRuns.RunToSuccessAsync(fixture);
        var produce = (await fixture.Server.CreateClient().ListRunTasksAsync("default", name)).Single(t => t.TaskName == "produce");
        var folder = ArtifactUri(produce, "folder");

        var listing = JsonDocument.Parse(await ReadArtifactAsync(name, folder)).RootElement;

        Assert.Equal(["a.txt", "sub/b.txt"], listing.EnumerateArray().Select(f => f.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("b", (await ReadArtifactAsync(name, folder, "sub/b.txt")).Trim());
        var missing = await Assert.ThrowsAsync<ResourceException>(() => ReadArtifactAsync(name, folder, "../a.txt"));
        Assert.Equal(404, missing.Status.Code);
    }

    [Fact]
    public async Task ReadRunArtifact_UriNotRecordedByTheRun_Answers404()
    {
        var name = await ArtifactRuns.RunToSuccessAsync(fixture);
        var secret = Path.Combine(fixture.Server.DataDirectory, "secret.txt");
        await File.WriteAllTextAsync(secret, "not an artifact");

        var error = await Assert.ThrowsAsync<ResourceException>(() => ReadArtifactAsync(name, secret));

        Assert.Equal(404, error.Status.Code);
        Assert.Contains("no task of run", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEndpoints_BadRequests_AnswerWithAStatusNamingTheProblem()
    {
        (await fixture.Http.ApiGetAsync("/sharpflow/v1/namespaces/default/runs/nope/tasks")).ShouldFailWith(404);
        var missingUri = (await fixture.Http.ApiGetAsync("/sharpflow/v1/namespaces/default/runs/nope/artifact")).ShouldFailWith(400);
        Assert.Contains("\"uri\"", missingUri.Message, StringComparison.Ordinal);
    }

    private async Task<string> ReadArtifactAsync(string run, string uri, string? file = null)
    {
        await using var content = await fixture.Server.CreateClient().OpenRunArtifactAsync("default", run, uri, file);
        using var reader = new StreamReader(content);
        return await reader.ReadToEndAsync();
    }

    private static DateTimeOffset ToMillisecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    private static string ReportUri(TaskExecution task) => ArtifactUri(task, "report");

    private static string ArtifactUri(TaskExecution task, string output) =>
        JsonDocument.Parse(task.Outputs!).RootElement.GetProperty("artifacts").GetProperty(output)[0].GetProperty("uri").GetString()!;
}
