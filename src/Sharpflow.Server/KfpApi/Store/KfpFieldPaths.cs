using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Names a resource field (<c>spec.runtimeConfig.parameters.n</c>) as the KFP request named it
/// (<c>runtime_config.parameters.n</c>). The compiled pipeline keeps its own IR path after the field that carried it:
/// <c>spec.pipelineSpec.root.dag.tasks.train</c> becomes <c>pipeline_spec.root.dag.tasks.train</c>.
/// </summary>
internal static class KfpFieldPaths
{
    public static string Translate(string? path, string pipelineSpecField = "pipeline_spec")
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        foreach (var (prefix, field) in (ReadOnlySpan<(string, string)>)[("spec.pipelineSpec", pipelineSpecField), ("spec.platformSpec", pipelineSpecField + ".platform_spec")])
        {
            if (path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return field + path[prefix.Length..];
            }
        }

        var rest = path.StartsWith("spec.", StringComparison.Ordinal) ? path["spec.".Length..] : path;
        var translated = string.Join('.', rest.Split('.').Select(KfpBody.SnakeCase));
        return translated
            .Replace("pipeline_version_ref", "pipeline_version_reference", StringComparison.Ordinal)
            .Replace("pipeline_name", "pipeline_id", StringComparison.Ordinal);
    }
}
