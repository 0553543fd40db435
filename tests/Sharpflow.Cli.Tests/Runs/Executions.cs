using Sharpflow.Api.Resources;
using Sharpflow.Cli.Runs;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Tests.Runs;

/// <summary>Hand-made runs and task executions, shaped as the engine records them.</summary>
internal static class Executions
{
    public const string RunUid = "0b7a";

    public static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static TaskExecution Task(
        string path,
        TaskExecutionKind kind,
        TaskExecutionState state,
        double? startedAfter = null,
        double? seconds = null,
        string? error = null,
        int attempts = 1,
        int? iteration = null)
    {
        var parent = path.Contains('/', StringComparison.Ordinal) ? $"{RunUid}/{path[..path.LastIndexOf('/')]}" : null;
        var started = startedAfter is { } after ? Start.AddSeconds(after) : (DateTimeOffset?)null;
        return new TaskExecution
        {
            Id = $"{RunUid}/{path}",
            RunUid = RunUid,
            Namespace = "default",
            RunName = "demo-x1",
            PipelineName = "demo",
            TaskPath = path,
            TaskName = kind == TaskExecutionKind.Root ? "demo" : path[(path.LastIndexOf('/') + 1)..],
            Kind = kind,
            ParentId = parent,
            IterationIndex = iteration,
            State = state,
            Attempts = attempts,
            Error = error,
            CreatedAt = started ?? Start.AddSeconds(100),
            StartedAt = started,
            FinishedAt = started is { } s && seconds is { } d ? s.AddSeconds(d) : null,
        };
    }

    public static RunView Run(string state, double? finishedAfter = null) => new(new Resource
    {
        ApiVersion = PipelineKinds.Run.ApiVersion,
        Kind = PipelineKinds.Run.Kind,
        Metadata = new ObjectMeta { Name = "demo-x1", Namespace = "default", CreationTimestamp = Start },
        Status = ResourceExtensions.ToObject(new RunStatus
        {
            State = state,
            CreatedAt = Start,
            StartedAt = Start.AddSeconds(0.2),
            FinishedAt = finishedAfter is { } f ? Start.AddSeconds(f) : null,
            PipelineName = "demo",
        }),
    });
}
