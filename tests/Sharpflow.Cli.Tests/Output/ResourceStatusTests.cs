using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Tests.Output;

public sealed class ResourceStatusTests
{
    [Fact]
    public void Summarize_Phase_WinsOverConditions() =>
        Assert.Equal("Running", ResourceStatus.Summarize(With("""{"phase":"Running","conditions":[{"type":"Ready","status":"False"}]}""")));

    [Fact]
    public void Summarize_State_IsUsedWithoutPhase() =>
        Assert.Equal("SUCCEEDED", ResourceStatus.Summarize(With("""{"state":"SUCCEEDED"}""")));

    [Fact]
    public void Summarize_FinishedCondition_WinsOverNewerRunning() =>
        Assert.Equal("Succeeded", ResourceStatus.Summarize(With("""
            {"conditions":[
              {"type":"Running","status":"True","lastTransitionTime":"2025-01-01T00:02:00Z"},
              {"type":"Succeeded","status":"True","lastTransitionTime":"2025-01-01T00:01:00Z"}]}
            """)));

    [Theory]
    [InlineData("True", null, "Ready")]
    [InlineData("False", "MinimumReplicasUnavailable", "MinimumReplicasUnavailable")]
    [InlineData("Unknown", null, "NotReady")]
    public void Summarize_ReadyCondition_SaysReadyOrWhyNot(string status, string? reason, string expected)
    {
        var condition = new JsonObject { ["type"] = "Ready", ["status"] = status, ["reason"] = reason };
        Assert.Equal(expected, ResourceStatus.Summarize(With(new JsonObject { ["conditions"] = new JsonArray(condition) }.ToJsonString())));
    }

    [Fact]
    public void Summarize_OtherConditions_NewestTrueOneWins() =>
        Assert.Equal("Running", ResourceStatus.Summarize(With("""
            {"conditions":[
              {"type":"Running","status":"True","lastTransitionTime":"2025-01-01T00:02:00Z"},
              {"type":"Created","status":"True","lastTransitionTime":"2025-01-01T00:01:00Z"},
              {"type":"Restarting","status":"False","lastTransitionTime":"2025-01-01T00:03:00Z"}]}
            """)));

    [Fact]
    public void Summarize_BeingDeleted_IsTerminating() =>
        Assert.Equal("Terminating", ResourceStatus.Summarize(With("""{"phase":"Running"}""") with
        {
            Metadata = new ObjectMeta { Name = "x", DeletionTimestamp = DateTimeOffset.UnixEpoch },
        }));

    [Fact]
    public void Summarize_NoStatus_IsDash() =>
        Assert.Equal("-", ResourceStatus.Summarize(new Resource { ApiVersion = "v1", Kind = "ConfigMap" }));

    private static Resource With(string statusJson) => new()
    {
        ApiVersion = "kubeflow.org/v1",
        Kind = "PyTorchJob",
        Metadata = new ObjectMeta { Name = "x" },
        Status = JsonNode.Parse(statusJson)!.AsObject(),
    };
}
