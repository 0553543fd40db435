using System.Globalization;

namespace Sharpflow.Pipelines.Launch;

/// <summary>The run and task a placeholder such as <c>{{$.pipeline_job_uuid}}</c> refers to.</summary>
internal sealed record TaskContext
{
    /// <summary><c>{{$.pipeline_job_name}}</c>: the run's display name.</summary>
    public string PipelineJobName { get; init; } = string.Empty;

    /// <summary><c>{{$.pipeline_job_resource_name}}</c>: the run's resource name.</summary>
    public string PipelineJobResourceName { get; init; } = string.Empty;

    public string PipelineJobUuid { get; init; } = string.Empty;

    public string PipelineTaskName { get; init; } = string.Empty;

    public string PipelineTaskUuid { get; init; } = string.Empty;

    public string PipelineRoot { get; init; } = string.Empty;

    public DateTimeOffset? JobCreateTime { get; init; }

    /// <summary>When a recurring run scheduled this run; null for a run created directly.</summary>
    public DateTimeOffset? JobScheduleTime { get; init; }

    /// <summary>The pipeline workspace directory, when the pipeline declares one.</summary>
    public string? WorkspacePath { get; init; }

    /// <summary>RFC 3339 in UTC, as KFP's driver formats it ("2024-05-01T12:00:00Z").</summary>
    public static string FormatTime(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
