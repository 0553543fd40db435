using System.Globalization;
using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Scheduling;

/// <summary>The runs a recurring run creates: their name, labels, annotations, owner and spec.</summary>
internal static class RecurringRunRuns
{
    public const string Enable = "ENABLE";
    public const string Disable = "DISABLE";
    public const string Label = "pipelines.kubeflow.org/recurring-run";
    public const string ScheduledTimeAnnotation = "pipelines.kubeflow.org/scheduled-time";

    /// <summary>The Run spec a recurring run's spec stands for (what each of its runs executes).</summary>
    public static JsonObject RunSpecOf(RecurringRunSpec spec) => ResourceExtensions.ToObject(new RunSpec
    {
        DisplayName = spec.DisplayName,
        Description = spec.Description,
        PipelineSpec = spec.PipelineSpec,
        PlatformSpec = spec.PlatformSpec,
        PipelineVersionRef = spec.PipelineVersionRef,
        RuntimeConfig = spec.RuntimeConfig,
        ExperimentName = spec.ExperimentName,
        ServiceAccount = spec.ServiceAccount,
        EnableCaching = spec.EnableCaching,
    });

    /// <summary>"{recurring run}-{unix seconds of the slot}": the same slot never creates two runs.</summary>
    public static string Name(Resource recurring, DateTimeOffset slot) =>
        $"{recurring.Metadata.Name}-{slot.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    public static Resource For(Resource recurring, RecurringRunSpec spec, DateTimeOffset slot)
    {
        var runSpec = RunSpecOf(spec);
        runSpec["recurringRunName"] = recurring.Metadata.Name;
        if (!string.IsNullOrEmpty(spec.DisplayName))
        {
            runSpec["displayName"] = $"{spec.DisplayName} {slot.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}";
        }

        return new Resource
        {
            ApiVersion = PipelineKinds.Run.ApiVersion,
            Kind = PipelineKinds.Run.Kind,
            Metadata = new ObjectMeta
            {
                Name = Name(recurring, slot),
                Namespace = recurring.Metadata.Namespace,
                Labels = new Dictionary<string, string> { [Label] = recurring.Metadata.Name! },
                Annotations = new Dictionary<string, string>
                {
                    [ScheduledTimeAnnotation] = slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                },
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = recurring.ApiVersion,
                        Kind = recurring.Kind,
                        Name = recurring.Metadata.Name!,
                        Uid = recurring.Metadata.Uid!,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = runSpec,
        };
    }
}
