using System.Text.Json;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Pipelines.Scheduling;

namespace Sharpflow.Pipelines.Resources;

/// <summary>A RecurringRun names one pipeline source (checked as a Run's), one usable trigger, a concurrency of 1 to 10 and a known mode.</summary>
internal sealed class RecurringRunValidator : IResourceValidator
{
    public ResourceKind Kind => PipelineKinds.RecurringRun;

    public IReadOnlyList<StatusCause> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        RecurringRunSpec? spec;
        try
        {
            spec = resource.GetSpec<RecurringRunSpec>();
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? "spec" : "spec" + e.Path.TrimStart('$');
            return [PipelineSpecChecks.Invalid(path, $"cannot be read: {e.Message}")];
        }

        if (spec is null)
        {
            return [PipelineSpecChecks.Required("spec", "a recurring run needs a pipeline and a trigger")];
        }

        var causes = new List<StatusCause>(new RunValidator().Validate(resource with { Spec = RecurringRunRuns.RunSpecOf(spec) }));
        if (RecurringSchedule.TryCreate(spec.Trigger, out var problem) is null && problem is { } p)
        {
            causes.Add(PipelineSpecChecks.Invalid(p.Field, p.Message));
        }

        if (spec.MaxConcurrency is < 0 or > 10)
        {
            causes.Add(PipelineSpecChecks.Invalid("spec.maxConcurrency", $"{spec.MaxConcurrency}: must be between 1 and 10"));
        }

        if (spec.Mode is not (null or "" or RecurringRunRuns.Enable or RecurringRunRuns.Disable))
        {
            causes.Add(PipelineSpecChecks.Invalid("spec.mode", $"Unsupported value: \"{spec.Mode}\": supported values: \"ENABLE\", \"DISABLE\""));
        }

        return causes;
    }
}
