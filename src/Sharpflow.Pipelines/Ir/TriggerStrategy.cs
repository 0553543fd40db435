using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Ir;

public enum TriggerStrategy
{
    /// <summary>Behaves as <see cref="AllUpstreamTasksSucceeded"/>.</summary>
    [JsonStringEnumMemberName("TRIGGER_STRATEGY_UNSPECIFIED")]
    Unspecified = 0,

    [JsonStringEnumMemberName("ALL_UPSTREAM_TASKS_SUCCEEDED")]
    AllUpstreamTasksSucceeded = 1,

    /// <summary>Runs once every upstream task is final, whatever its state: exit handlers and ignore-upstream-failure.</summary>
    [JsonStringEnumMemberName("ALL_UPSTREAM_TASKS_COMPLETED")]
    AllUpstreamTasksCompleted = 2,
}
