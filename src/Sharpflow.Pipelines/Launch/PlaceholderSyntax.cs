namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// Finds KFP placeholders in a string (<c>sdk/python/kfp/dsl/placeholders.py</c>). Names are quoted with
/// single or double quotes. Text that only looks like a placeholder (<c>{{$.unknown}}</c>) is not matched
/// and stays as written, as in KFP's launcher.
/// </summary>
internal static class PlaceholderSyntax
{
    private static readonly Dictionary<string, PlaceholderKind> Fixed = new(StringComparer.Ordinal)
    {
        [""] = PlaceholderKind.ExecutorInput,
        [".outputs.output_file"] = PlaceholderKind.OutputMetadataFile,
        [".outputMetadataUri"] = PlaceholderKind.OutputMetadataFile,
        [".pipeline_job_name"] = PlaceholderKind.PipelineJobName,
        [".pipeline_job_resource_name"] = PlaceholderKind.PipelineJobResourceName,
        [".pipeline_job_uuid"] = PlaceholderKind.PipelineJobUuid,
        [".pipeline_job_create_time_utc"] = PlaceholderKind.PipelineJobCreateTime,
        [".pipeline_job_schedule_time_utc"] = PlaceholderKind.PipelineJobScheduleTime,
        [".pipeline_task_name"] = PlaceholderKind.PipelineTaskName,
        [".pipeline_task_uuid"] = PlaceholderKind.PipelineTaskUuid,
        [".pipeline_root"] = PlaceholderKind.PipelineRoot,
        [".workspace_path"] = PlaceholderKind.WorkspacePath,
    };

    public static bool Contains(string text) => text.Contains("{{$", StringComparison.Ordinal);

    public static IReadOnlyList<PlaceholderReference> Find(string text)
    {
        var found = new List<PlaceholderReference>();
        var start = text.IndexOf("{{$", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf("}}", start + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var reference = Recognize(text.AsSpan(start + 3, end - start - 3), start, end + 2 - start);
            if (reference is not null)
            {
                found.Add(reference);
            }

            start = text.IndexOf("{{$", reference is null ? start + 3 : end + 2, StringComparison.Ordinal);
        }

        return found;
    }

    private static PlaceholderReference? Recognize(ReadOnlySpan<char> body, int start, int length)
    {
        if (Fixed.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(body, out var kind))
        {
            return new PlaceholderReference(kind, start, length);
        }

        if (Prefixed(body, ".inputs.parameters[", out var rest) && Quoted(ref rest, out var name) && rest.IsEmpty)
        {
            return new PlaceholderReference(PlaceholderKind.InputParameter, start, length, name);
        }

        if (Prefixed(body, ".outputs.parameters[", out rest) && Quoted(ref rest, out name) && rest.SequenceEqual(".output_file"))
        {
            return new PlaceholderReference(PlaceholderKind.OutputParameter, start, length, name);
        }

        var isInput = Prefixed(body, ".inputs.artifacts[", out rest);
        if ((isInput || Prefixed(body, ".outputs.artifacts[", out rest)) && Quoted(ref rest, out name))
        {
            var artifactKind = isInput ? PlaceholderKind.InputArtifact : PlaceholderKind.OutputArtifact;
            if (rest.IsEmpty)
            {
                return new PlaceholderReference(artifactKind, start, length, name);
            }

            foreach (var attribute in (string[])["uri", "path", "name", "metadata"])
            {
                if (rest.Length == attribute.Length + 1 && rest[0] == '.' && rest[1..].SequenceEqual(attribute))
                {
                    return new PlaceholderReference(artifactKind, start, length, name, attribute);
                }
            }

            if (Prefixed(rest, ".metadata[", out var keyRest) && Quoted(ref keyRest, out var key) && keyRest.IsEmpty)
            {
                return new PlaceholderReference(artifactKind, start, length, name, "metadata", key);
            }
        }

        return null;
    }

    private static bool Prefixed(ReadOnlySpan<char> text, string prefix, out ReadOnlySpan<char> rest)
    {
        var matches = text.StartsWith(prefix, StringComparison.Ordinal);
        rest = matches ? text[prefix.Length..] : default;
        return matches;
    }

    /// <summary>Reads <c>'name']</c> or <c>"name"]</c> (the opening bracket already consumed).</summary>
    private static bool Quoted(ref ReadOnlySpan<char> text, out string name)
    {
        name = string.Empty;
        if (text.Length < 3 || text[0] is not ('\'' or '"'))
        {
            return false;
        }

        var quote = text[0];
        var close = text[1..].IndexOf(quote);
        if (close < 0 || 1 + close + 1 >= text.Length || text[1 + close + 1] != ']')
        {
            return false;
        }

        name = text.Slice(1, close).ToString();
        text = text[(close + 3)..];
        return true;
    }
}
