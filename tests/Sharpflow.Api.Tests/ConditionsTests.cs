using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Tests;

public class ConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);

    [Fact]
    public void Set_SameStatus_KeepsTransitionTime()
    {
        var first = Conditions.Set(null, new Condition { Type = "Ready", Status = ConditionStatus.False, Reason = "Starting" }, T0);

        var second = Conditions.Set(first, new Condition { Type = "Ready", Status = ConditionStatus.False, Reason = "StillStarting" }, T1);

        var ready = Assert.Single(second);
        Assert.Equal(T0, ready.LastTransitionTime);
        Assert.Equal("StillStarting", ready.Reason);
    }

    [Fact]
    public void Set_StatusChanges_MovesTransitionTime()
    {
        var first = Conditions.Set(null, new Condition { Type = "Ready", Status = ConditionStatus.False }, T0);

        var second = Conditions.Set(first, new Condition { Type = "Ready", Status = ConditionStatus.True }, T1);

        Assert.Equal(T1, Conditions.Find(second, "Ready")!.LastTransitionTime);
        Assert.True(Conditions.IsTrue(second, "Ready"));
    }
}
