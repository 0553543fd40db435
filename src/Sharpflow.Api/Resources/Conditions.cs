namespace Sharpflow.Api.Resources;

public static class Conditions
{
    /// <summary>
    /// Sets a condition in a list, keeping <c>lastTransitionTime</c> when the status did not change,
    /// as Kubernetes' meta.SetStatusCondition does. Returns a new list.
    /// </summary>
    public static IReadOnlyList<Condition> Set(IReadOnlyList<Condition>? conditions, Condition condition, DateTimeOffset now)
    {
        var list = conditions?.ToList() ?? [];
        var index = list.FindIndex(c => c.Type == condition.Type);
        if (index < 0)
        {
            list.Add(condition with { LastTransitionTime = condition.LastTransitionTime ?? now });
            return list;
        }

        var existing = list[index];
        var transitioned = existing.Status != condition.Status;
        list[index] = condition with
        {
            LastTransitionTime = transitioned ? condition.LastTransitionTime ?? now : existing.LastTransitionTime ?? now,
        };
        return list;
    }

    public static Condition? Find(IReadOnlyList<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IReadOnlyList<Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;
}
