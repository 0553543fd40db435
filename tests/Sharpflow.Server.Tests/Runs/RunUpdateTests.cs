using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Runs;

/// <summary>A started run keeps its spec: only the lifecycle fields may change.</summary>
public sealed class RunUpdateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Patch_StartedRunsParameters_Answers422NamingTheField()
    {
        var name = await ArtifactRuns.RunToSuccessAsync(fixture);

        var status = (await fixture.Http.ApiPatchAsync($"{ArtifactRuns.Runs}/{name}", """{"spec": {"enableCaching": false, "displayName": "renamed"}}""")).ShouldFailWith(422);

        Assert.Equal(["spec.displayName", "spec.enableCaching"], status.Details!.Causes!.Select(c => c.Field).Order(StringComparer.Ordinal));
        Assert.Contains("cannot change once the run has started", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_StartedRunsLifecycleFields_IsAccepted()
    {
        var name = await ArtifactRuns.RunToSuccessAsync(fixture);

        (await fixture.Http.ApiPatchAsync($"{ArtifactRuns.Runs}/{name}", """{"spec": {"terminate": true}, "metadata": {"labels": {"team": "a"}}}""")).ShouldSucceedWith(200);
    }
}
