using System.Globalization;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Cli.Output;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>The text of <c>sharpflow runs get</c>: the run's fields, parameters, outputs and task tree.</summary>
internal sealed class RunDetailsWriter(TextWriter writer, TimeProvider time)
{
    private const int LabelWidth = 15;

    public void Write(RunSnapshot snapshot)
    {
        var run = snapshot.Run;
        var status = run.Status;
        var spec = run.Resource.GetSpecOrNull();
        var now = time.GetUtcNow();
        Field("Name", run.Name);
        Field("Namespace", run.Namespace);
        Field("Pipeline", run.PipelineName);
        Field("State", run.State);
        Field("Created", Time(run.Resource.Metadata.CreationTimestamp));
        Field("Started", Time(status.StartedAt));
        Field("Finished", Time(status.FinishedAt));
        Field("Duration", RunDuration.Format(run.Duration(now)));
        Field("Tasks", RunSummaryWriter.Counts(snapshot));
        Optional("Experiment", spec?.ExperimentName);
        Optional("Caching", spec?.EnableCaching == false ? "off for this run" : null);
        Optional("Pipeline root", status.PipelineRoot);
        Optional("Retries", status.Retries > 0 ? status.Retries.ToString(CultureInfo.InvariantCulture) : null);
        Optional("Error", status.Error?.Message);
        Parameters(spec);
        RunOutputsWriter.Write(writer, status.Outputs, LabelWidth);
        writer.WriteLine("Task tree:");
        PlainText.Write(writer, TaskTreeView.Build(snapshot, now));
        writer.Flush();
    }

    /// <summary>The values the run was given, then the defaults of the inline pipeline's other parameters.</summary>
    private void Parameters(RunSpec? spec)
    {
        var given = spec?.RuntimeConfig?.Parameters ?? [];
        var lines = given.Select(p => $"  {p.Key} = {RunOutputsWriter.Value(p.Value)}").ToList();
        foreach (var (name, definition) in Declared(spec).Where(p => !given.ContainsKey(p.Key) && p.Value.DefaultValue is not null))
        {
            lines.Add($"  {name} = {RunOutputsWriter.Value(definition.DefaultValue)} (default)");
        }

        writer.WriteLine(lines.Count == 0 ? "Parameters:".PadRight(LabelWidth) + "<none>" : "Parameters:");
        lines.ForEach(writer.WriteLine);
    }

    private static IReadOnlyDictionary<string, ParameterDefinition> Declared(RunSpec? spec)
    {
        if (spec?.PipelineSpec is not { } inline)
        {
            return new Dictionary<string, ParameterDefinition>();
        }

        try
        {
            return PipelineSpecParser.Parse(inline).Spec.Root?.InputParameters ?? new Dictionary<string, ParameterDefinition>();
        }
        catch (ResourceException)
        {
            return new Dictionary<string, ParameterDefinition>();
        }
    }

    private string Time(DateTimeOffset? value) =>
        value is { } t ? $"{t.ToString("u", CultureInfo.InvariantCulture)} ({Age.Since(t, time)} ago)" : "-";

    private void Field(string label, string value) => writer.WriteLine($"{(label + ":").PadRight(LabelWidth)}{value}");

    private void Optional(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Field(label, value);
        }
    }
}
