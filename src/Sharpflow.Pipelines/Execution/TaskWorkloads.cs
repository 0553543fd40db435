using System.Globalization;
using System.Text;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Execution;

/// <summary>How container tasks map onto workloads: ids, owner labels and where their logs are served.</summary>
internal static class TaskWorkloads
{
    public const string TaskPathLabel = "pipelines.kubeflow.org/task-path";

    /// <summary>
    /// "kfp-{run uid prefix}-{task name}-{path hash}-{retry round}-{attempt}": the same task, round and attempt
    /// always get the same id, so a restarted engine finds the workload it started before.
    /// </summary>
    public static string Id(RunContext run, ExecutionNode node, int attempt)
    {
        var builder = new StringBuilder("kfp-");
        builder.Append(run.Uid.AsSpan(0, Math.Min(8, run.Uid.Length)));
        builder.Append('-');
        foreach (var c in node.TaskName.Length > 40 ? node.TaskName[..40] : node.TaskName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-');
        }

        builder.Append('-').Append(RunContext.Hash(node.Path, 10));
        builder.Append('-').Append(run.Round.ToString(CultureInfo.InvariantCulture));
        builder.Append('-').Append(attempt.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    public static string LogLocation(string workloadId) => $"/sharpflow/v1/workloads/{workloadId}/log";

    public static Dictionary<string, string> Labels(RunContext run, ExecutionNode node) => new(StringComparer.Ordinal)
    {
        [WorkloadLabels.Namespace] = run.Namespace,
        [WorkloadLabels.OwnerKind] = PipelineKinds.Run.Kind,
        [WorkloadLabels.OwnerName] = run.Name,
        [WorkloadLabels.OwnerUid] = run.Uid,
        [TaskPathLabel] = node.Path,
    };
}
