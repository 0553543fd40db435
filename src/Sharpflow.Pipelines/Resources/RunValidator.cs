using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Core.Controllers;
using Sharpflow.Pipelines.Validation;

namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// Checks a Run before it is stored: it names exactly one pipeline source; an inline pipeline parses and
/// passes the IR validator (each problem a cause under <c>spec.pipelineSpec</c>, e.g.
/// <c>spec.pipelineSpec.root.dag.tasks.train.inputs.parameters.lr</c>); its parameters fit the pipeline's inputs.
/// Once the run has started, its spec is fixed but for the lifecycle fields.
/// </summary>
internal sealed class RunValidator : IResourceValidator
{
    /// <summary>The spec fields a started run still accepts: its lifecycle requests and whether it is archived.</summary>
    private static readonly string[] LifecycleFields = ["terminate", "retry", "storageState"];

    public ResourceKind Kind => PipelineKinds.Run;

    public IReadOnlyList<StatusCause> ValidateUpdate(Resource current, Resource updated)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var causes = Validate(updated);
        var state = current.Status?["state"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (state is null or RunStates.Pending)
        {
            return causes;
        }

        var before = current.Spec ?? [];
        var after = updated.Spec ?? [];
        var changed = before.Select(p => p.Key).Union(after.Select(p => p.Key))
            .Where(key => !LifecycleFields.Contains(key) && !JsonNode.DeepEquals(before[key], after[key]))
            .Select(key => PipelineSpecChecks.Invalid(
                $"spec.{key}",
                $"cannot change once the run has started (it is {state}): only spec.terminate and spec.retry act on a started run; create a new run instead"))
            .ToList();
        return [.. causes, .. changed];
    }

    public IReadOnlyList<StatusCause> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        RunSpec? spec;
        try
        {
            spec = resource.GetSpec<RunSpec>();
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "spec" : "spec" + e.Path.TrimStart('$');
            return [PipelineSpecChecks.Invalid(path, $"cannot be read: {e.Message}")];
        }

        if (spec is null)
        {
            return [PipelineSpecChecks.Required("spec", "a run needs spec.pipelineSpec (the compiled pipeline) or spec.pipelineVersionRef")];
        }

        var causes = new List<StatusCause>();
        if (spec.PipelineSpec is not null && spec.PipelineVersionRef is not null)
        {
            causes.Add(PipelineSpecChecks.Invalid("spec.pipelineVersionRef", "set either spec.pipelineSpec or spec.pipelineVersionRef, not both"));
        }
        else if (spec.PipelineSpec is null && spec.PipelineVersionRef is null)
        {
            causes.Add(PipelineSpecChecks.Required("spec.pipelineSpec", "set spec.pipelineSpec (the compiled pipeline) or spec.pipelineVersionRef"));
        }
        else if (spec.PipelineVersionRef is { } reference
            && string.IsNullOrEmpty(reference.VersionName) && string.IsNullOrEmpty(reference.VersionId)
            && string.IsNullOrEmpty(reference.PipelineName) && string.IsNullOrEmpty(reference.PipelineId))
        {
            causes.Add(PipelineSpecChecks.Required("spec.pipelineVersionRef", "name a pipeline (pipelineName or pipelineId) or a version (versionName or versionId)"));
        }

        if (spec.PipelineSpec is { } inline)
        {
            var problems = PipelineSpecChecks.Check(inline, spec.PlatformSpec, "spec.pipelineSpec", out var package);
            causes.AddRange(problems);
            if (problems.Count == 0 && package is not null)
            {
                var parameters = spec.RuntimeConfig?.Parameters?.ToDictionary(p => p.Key, p => p.Value) ?? [];
                causes.AddRange(PipelineSpecValidator
                    .ValidateRuntimeParameters(package.Spec, parameters, "spec.runtimeConfig.parameters")
                    .Select(p => PipelineSpecChecks.Invalid(p.Path, p.Message)));
            }
        }

        if (spec.Retry < 0)
        {
            causes.Add(PipelineSpecChecks.Invalid("spec.retry", $"{spec.Retry}: must be greater than or equal to 0"));
        }

        return causes;
    }
}
