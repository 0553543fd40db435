using Sharpflow.Api.Kinds;

namespace Sharpflow.Pipelines.Resources;

/// <summary>The KFP v2beta1 kinds, in Kubeflow's API group so that upstream manifests and clients keep their names.</summary>
public static class PipelineKinds
{
    public const string Group = "pipelines.kubeflow.org";

    public const string Version = "v2beta1";

    public static readonly ResourceKind Pipeline = new()
    {
        Group = Group,
        Version = Version,
        Kind = "Pipeline",
        Plural = "pipelines",
        HasStatusSubresource = false,
        SpecType = typeof(PipelineResourceSpec),
    };

    public static readonly ResourceKind PipelineVersion = new()
    {
        Group = Group,
        Version = Version,
        Kind = "PipelineVersion",
        Plural = "pipelineversions",
        HasStatusSubresource = false,
        SpecType = typeof(PipelineVersionSpec),
    };

    public static readonly ResourceKind Experiment = new()
    {
        Group = Group,
        Version = Version,
        Kind = "Experiment",
        Plural = "experiments",
        HasStatusSubresource = false,
        SpecType = typeof(ExperimentSpec),
    };

    public static readonly ResourceKind Run = new()
    {
        Group = Group,
        Version = Version,
        Kind = "Run",
        Plural = "runs",
        SpecType = typeof(RunSpec),
        StatusType = typeof(RunStatus),
    };

    public static readonly ResourceKind RecurringRun = new()
    {
        Group = Group,
        Version = Version,
        Kind = "RecurringRun",
        Plural = "recurringruns",
        SpecType = typeof(RecurringRunSpec),
        StatusType = typeof(RecurringRunStatus),
    };

    public static IReadOnlyList<ResourceKind> All { get; } = [Pipeline, PipelineVersion, Experiment, Run, RecurringRun];
}
