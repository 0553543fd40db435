using System.Text.Json;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Pipelines.Resources;

/// <summary>A PipelineVersion names its pipeline and holds a pipeline that parses and passes the IR validator.</summary>
internal sealed class PipelineVersionValidator : IResourceValidator
{
    public ResourceKind Kind => PipelineKinds.PipelineVersion;

    public IReadOnlyList<StatusCause> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        PipelineVersionSpec? spec;
        try
        {
            spec = resource.GetSpec<PipelineVersionSpec>();
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "spec" : "spec" + e.Path.TrimStart('$');
            return [PipelineSpecChecks.Invalid(path, $"cannot be read: {e.Message}")];
        }

        var causes = new List<StatusCause>();
        if (string.IsNullOrEmpty(spec?.PipelineName))
        {
            causes.Add(PipelineSpecChecks.Required("spec.pipelineName", "name the Pipeline this version belongs to"));
        }

        if (spec?.PipelineSpec is null)
        {
            causes.Add(PipelineSpecChecks.Required("spec.pipelineSpec", "a pipeline version holds the compiled pipeline"));
        }
        else
        {
            causes.AddRange(PipelineSpecChecks.Check(spec.PipelineSpec, spec.PlatformSpec, "spec.pipelineSpec", out _));
        }

        return causes;
    }
}
