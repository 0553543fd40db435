using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Dashboard.Model;
using Xunit;

namespace Sharpflow.E2E.Tests.Dashboard;

public sealed class ResourceStatusTests
{
    [Fact]
    public void Summarize_Phase_UsesIt()
    {
        var summary = ResourceStatus.Summarize(With(new JsonObject { ["phase"] = "Failed" }));

        Assert.Equal(new StatusSummary("Failed", StatusTone.Bad), summary);
    }

    [Fact]
    public void Summarize_RunState_UsesIt()
    {
        var summary = ResourceStatus.Summarize(With(new JsonObject { ["state"] = "SUCCEEDED" }));

        Assert.Equal(new StatusSummary("SUCCEEDED", StatusTone.Good), summary);
    }

    [Fact]
    public void Summarize_JobConditions_LatestTrueConditionWins()
    {
        var summary = ResourceStatus.Summarize(With(new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("Created", "True", "2026-01-01T10:00:00Z"),
                Condition("Running", "False", "2026-01-01T10:05:00Z"),
                Condition("Succeeded", "True", "2026-01-01T10:05:00Z")),
        }));

        Assert.Equal(new StatusSummary("Succeeded", StatusTone.Good), summary);
    }

    [Fact]
    public void Summarize_ReadyFalse_ShowsTheReason()
    {
        var summary = ResourceStatus.Summarize(With(new JsonObject
        {
            ["conditions"] = new JsonArray(Condition("Ready", "False", "2026-01-01T10:00:00Z", "RevisionMissing")),
        }));

        Assert.Equal(new StatusSummary("RevisionMissing", StatusTone.Warning), summary);
    }

    [Fact]
    public void Summarize_BeingDeleted_IsTerminatingWhateverTheStatus()
    {
        var resource = With(new JsonObject { ["phase"] = "Running" });
        resource = resource with { Metadata = resource.Metadata with { DeletionTimestamp = DateTimeOffset.UnixEpoch } };

        Assert.Equal("Terminating", ResourceStatus.Summarize(resource).Text);
    }

    [Fact]
    public void Summarize_NoStatus_IsNone()
    {
        Assert.Equal(StatusSummary.None, ResourceStatus.Summarize(With(null)));
    }

    [Fact]
    public void Conditions_OneMalformed_KeepsTheOthers()
    {
        var conditions = ResourceStatus.Conditions(With(new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = new JsonArray() }, Condition("Ready", "True", "2026-01-01T10:00:00Z")),
        }));

        Assert.Equal("Ready", Assert.Single(conditions).Type);
    }

    [Theory]
    [InlineData("Failed", "True", "Bad")]
    [InlineData("Failed", "False", "Neutral")]
    [InlineData("Ready", "True", "Good")]
    [InlineData("Ready", "False", "Warning")]
    [InlineData("Ready", "Unknown", "Warning")]
    public void ToneOf_Condition_FailureTypesReadInverted(string type, string status, string expected)
    {
        Assert.Equal(expected, ResourceStatus.ToneOf(new Condition { Type = type, Status = status }).ToString());
    }

    private static Resource With(JsonObject? status) => new()
    {
        ApiVersion = "kubeflow.org/v1",
        Kind = "PyTorchJob",
        Metadata = new ObjectMeta { Name = "job", Namespace = "default" },
        Status = status,
    };

    private static JsonObject Condition(string type, string status, string at, string? reason = null) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["reason"] = reason,
        ["lastTransitionTime"] = at,
    };
}
