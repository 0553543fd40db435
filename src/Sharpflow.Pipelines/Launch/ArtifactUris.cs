namespace Sharpflow.Pipelines.Launch;

/// <summary>Where output artifacts go: <c>&lt;pipelineRoot&gt;/&lt;pipelineName&gt;/&lt;runId&gt;/&lt;task&gt;/&lt;salt&gt;/&lt;artifactName&gt;</c>.</summary>
internal static class ArtifactUris
{
    /// <summary>
    /// The URI of an output artifact. <paramref name="salt"/> tells apart executions of the same task name
    /// (loop iterations, retries, the same name in different sub-DAGs): the engine passes the execution's id.
    /// </summary>
    public static string ForOutput(string pipelineRoot, string pipelineName, string runId, string taskName, string salt, string artifactName)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipelineRoot);
        return string.Join('/', NormalizeRoot(pipelineRoot), pipelineName, runId, taskName, salt, artifactName);
    }

    /// <summary>
    /// A <c>file://</c> root becomes a plain absolute path, and trailing slashes go. The kfp SDK (and therefore
    /// every Python component) treats a URI without a known remote scheme as its own local path, so local
    /// artifacts must have URIs that are paths: <c>file:///data/a</c> would reach components as the path "file:///data/a".
    /// </summary>
    public static string NormalizeRoot(string pipelineRoot)
    {
        ArgumentNullException.ThrowIfNull(pipelineRoot);
        var root = pipelineRoot.StartsWith("file://", StringComparison.Ordinal) ? new Uri(pipelineRoot).LocalPath : pipelineRoot;
        var trimmed = root.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}
