using System.Text;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// Replaces placeholders with a task's values. The executor input is the one the executor receives
/// (defaults applied). An input with no value renders as "null", as <c>kfp.local</c> does; use
/// <c>IfPresent</c> for optional inputs.
/// </summary>
internal sealed class PlaceholderResolver(ExecutorInput input, TaskContext context, ArtifactPaths paths)
{
    private const string Missing = "null";

    private string? _executorInputText;

    public string Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!PlaceholderSyntax.Contains(text))
        {
            return text;
        }

        var references = PlaceholderSyntax.Find(text);
        if (references.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var reference in references)
        {
            builder.Append(text, at, reference.Start - at).Append(Value(reference));
            at = reference.Start + reference.Length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private string Value(PlaceholderReference reference) => reference.Kind switch
    {
        PlaceholderKind.ExecutorInput => _executorInputText ??= ExecutorInputJson.ToText(input),
        PlaceholderKind.InputParameter => input.ParameterValues.TryGetValue(reference.Name!, out var value) && value is not null
            ? ParameterValues.ToText(value)
            : Missing,
        PlaceholderKind.InputArtifact => Artifact(input.Artifacts, reference),
        PlaceholderKind.OutputArtifact => Artifact(input.OutputArtifacts, reference),
        PlaceholderKind.OutputParameter => input.OutputParameterFiles.GetValueOrDefault(reference.Name!) ?? Missing,
        PlaceholderKind.OutputMetadataFile => input.OutputFile ?? Missing,
        PlaceholderKind.PipelineJobName => context.PipelineJobName,
        PlaceholderKind.PipelineJobResourceName => context.PipelineJobResourceName,
        PlaceholderKind.PipelineJobUuid => context.PipelineJobUuid,
        PlaceholderKind.PipelineJobCreateTime => TaskContext.FormatTime(context.JobCreateTime),
        PlaceholderKind.PipelineJobScheduleTime => TaskContext.FormatTime(context.JobScheduleTime),
        PlaceholderKind.PipelineTaskName => context.PipelineTaskName,
        PlaceholderKind.PipelineTaskUuid => context.PipelineTaskUuid,
        PlaceholderKind.PipelineRoot => context.PipelineRoot,
        PlaceholderKind.WorkspacePath => context.WorkspacePath
            ?? throw new LaunchException("the task uses {{$.workspace_path}} but the pipeline has no workspace (set a workspace in the pipeline config)"),
        _ => throw new LaunchException($"unsupported placeholder kind {reference.Kind}"),
    };

    private string Artifact(IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> artifacts, PlaceholderReference reference)
    {
        if (!artifacts.TryGetValue(reference.Name!, out var list) || list.Count == 0)
        {
            return Missing;
        }

        var artifact = list[0];
        return (reference.Attribute, reference.MetadataKey) switch
        {
            (null, _) => KfpJson.Compact(new JsonArray([.. list.Select(ExecutorInputJson.ArtifactToJson)])),
            ("uri", _) => artifact.Uri,
            ("path", _) => paths.LocalPath(artifact.Uri),
            ("name", _) => artifact.Name,
            ("metadata", null) => KfpJson.Compact(artifact.Metadata ?? []),
            (_, { } key) => artifact.Metadata is not null && artifact.Metadata.TryGetPropertyValue(key, out var value) && value is not null
                ? ParameterValues.ToText(value)
                : Missing,
            _ => Missing,
        };
    }
}
