using Sharpflow.Cli.Output;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>The table of <c>sharpflow runs list</c>.</summary>
internal static class RunTable
{
    public static void Write(TextWriter writer, IEnumerable<RunView> runs, bool showNamespace, DateTimeOffset now, TimeProvider time)
    {
        IReadOnlyList<string> headers = ["NAME", "PIPELINE", "STATE", "TASKS", "DURATION", "AGE"];
        var table = new TextTable(showNamespace ? ["NAMESPACE", .. headers] : headers);
        foreach (var run in runs)
        {
            string[] cells = [run.Name, run.PipelineName, run.State, Tasks(run.Status.Tasks), RunDuration.Format(run.Duration(now)), Age.Since(run.Resource.Metadata.CreationTimestamp, time)];
            table.Add(showNamespace ? [run.Namespace, .. cells] : cells);
        }

        table.Write(writer);
    }

    /// <summary>"3/5": work tasks that finished (whatever their outcome) of those known.</summary>
    public static string Tasks(RunTaskSummary? tasks) =>
        tasks is null ? "-" : $"{tasks.Done}/{tasks.Total}";
}
