using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>A started container task: what each attempt runs, and where the current attempt stands.</summary>
internal sealed class ContainerRun
{
    /// <summary>The executor input the process received (defaults applied), to read its outputs back.</summary>
    public required ExecutorInput LaunchInput { get; init; }

    /// <summary>The workload of every attempt, but for its id.</summary>
    public required WorkloadSpec Template { get; init; }

    /// <summary>The execution's scratch folder (output parameter files, executor output).</summary>
    public required string Scratch { get; init; }

    public int Attempt { get; set; }

    public string WorkloadId { get; set; } = string.Empty;

    /// <summary>When the next attempt may start after a failure (retry backoff); null when none is waiting.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    public DateTimeOffset? FirstFailureAt { get; set; }

    /// <summary>The run was terminated and the current attempt was asked to stop.</summary>
    public bool StopRequested { get; set; }
}
