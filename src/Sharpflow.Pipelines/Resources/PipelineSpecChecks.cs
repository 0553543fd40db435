using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Validation;

namespace Sharpflow.Pipelines.Resources;

/// <summary>Reads and validates a pipeline held in a resource, reporting every problem as a cause with its full field path.</summary>
internal static class PipelineSpecChecks
{
    /// <param name="path">Where the IR sits in the resource, e.g. <c>spec.pipelineSpec</c>.</param>
    public static List<StatusCause> Check(JsonObject pipelineSpec, JsonObject? platformSpec, string path, out PipelinePackage? package)
    {
        package = null;
        if (!pipelineSpec.ContainsKey("root") && !pipelineSpec.ContainsKey("pipelineInfo"))
        {
            path += pipelineSpec.ContainsKey("pipeline_spec") ? ".pipeline_spec" : pipelineSpec.ContainsKey("pipelineSpec") ? ".pipelineSpec" : string.Empty;
        }

        try
        {
            package = PipelineSpecParser.Parse(pipelineSpec, platformSpec);
        }
        catch (ResourceException e)
        {
            var field = e.Status.Details?.Causes is [var first, ..] ? first.Field : null;
            return [Invalid(string.IsNullOrEmpty(field) ? path : $"{path}.{field}", e.Message)];
        }

        return [.. PipelineSpecValidator.Validate(package.Spec).Select(p => Invalid($"{path}.{p.Path}", p.Message))];
    }

    public static StatusCause Invalid(string field, string message) =>
        new() { Reason = "FieldValueInvalid", Field = field, Message = message };

    public static StatusCause Required(string field, string message) =>
        new() { Reason = "FieldValueRequired", Field = field, Message = $"Required value: {message}" };
}
