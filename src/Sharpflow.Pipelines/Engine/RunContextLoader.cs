using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Store;
using Sharpflow.Pipelines.Artifacts;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Validation;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// Builds a run's context: reads its pipeline (inline, or the referenced PipelineVersion), validates it and
/// the parameters, settles the pipeline root and caching, and loads the executions saved so far.
/// </summary>
internal sealed class RunContextLoader(
    IResourceStore store,
    IExecutionStore executions,
    PipelineArtifactLayout layout,
    IOptions<PipelineEngineOptions> options)
{
    public async Task<RunLoad> LoadAsync(Resource run, RunStatus status, CancellationToken cancellationToken)
    {
        RunSpec spec;
        try
        {
            spec = run.GetSpec<RunSpec>() ?? new RunSpec();
        }
        catch (JsonException e)
        {
            return new RunLoad { Failure = $"the run's spec cannot be read: {e.Message}" };
        }

        ResolvedPipelineVersion? version = null;
        JsonObject? pipelineJson = spec.PipelineSpec;
        JsonObject? platformJson = spec.PlatformSpec;
        if (pipelineJson is null)
        {
            var reference = spec.PipelineVersionRef ?? new PipelineVersionReference();
            var found = await PipelineVersionResolver.FindAsync(store, run.Metadata.Namespace!, reference, status.PipelineVersion, cancellationToken);
            if (found is null)
            {
                return new RunLoad { Waiting = $"pipeline version {PipelineVersionResolver.Describe(reference)} not found in namespace {run.Metadata.Namespace}" };
            }

            var versionSpec = found.GetSpec<PipelineVersionSpec>() ?? new PipelineVersionSpec();
            pipelineJson = versionSpec.PipelineSpec;
            platformJson = versionSpec.PlatformSpec;
            version = new ResolvedPipelineVersion { Name = found.Metadata.Name, Uid = found.Metadata.Uid, PipelineName = versionSpec.PipelineName };
            if (pipelineJson is null)
            {
                return new RunLoad { Failure = $"pipeline version {found.Metadata.Name} holds no pipelineSpec" };
            }
        }

        PipelinePackage package;
        try
        {
            package = PipelineSpecParser.Parse(pipelineJson, platformJson);
        }
        catch (ResourceException e)
        {
            return new RunLoad { Failure = $"the pipeline cannot be read: {e.Message}" };
        }

        var parameters = spec.RuntimeConfig?.Parameters?.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal) ?? [];
        var problems = PipelineSpecValidator.Validate(package.Spec);
        if (problems.Count == 0)
        {
            problems = PipelineSpecValidator.ValidateRuntimeParameters(package.Spec, parameters);
        }

        if (problems.Count > 0)
        {
            return new RunLoad { Failure = $"the pipeline is invalid: {string.Join("; ", problems)}" };
        }

        foreach (var (name, definition) in package.Spec.Root!.InputParameters)
        {
            if (definition.DefaultValue is not null && (!parameters.TryGetValue(name, out var value) || value is null))
            {
                parameters[name] = definition.DefaultValue.DeepClone();
            }
        }

        var definitionOf = new RunDefinition
        {
            Package = package,
            PipelineName = package.Spec.PipelineInfo!.Name!,
            PipelineRoot = ArtifactUris.NormalizeRoot(
                spec.RuntimeConfig?.PipelineRoot is { Length: > 0 } root ? root : package.Spec.DefaultPipelineRoot ?? layout.DefaultPipelineRoot),
            Parameters = parameters,
            CachingEnabled = options.Value.EnableCaching && spec.EnableCaching != false,
            Version = version,
        };

        var saved = (await executions.ListByRunAsync(run.Metadata.Uid!, cancellationToken)).ToDictionary(e => e.TaskPath, StringComparer.Ordinal);
        return new RunLoad
        {
            Context = new RunContext(run.Metadata.Uid!, run.Metadata.Namespace!, run.Metadata.Name!, definitionOf, saved)
            {
                Round = status.Retries,
                Job = new TaskContext
                {
                    PipelineJobName = spec.DisplayName is { Length: > 0 } display ? display : run.Metadata.Name!,
                    PipelineJobResourceName = run.Metadata.Name!,
                    PipelineJobUuid = run.Metadata.Uid!,
                    PipelineRoot = definitionOf.PipelineRoot,
                    JobCreateTime = run.Metadata.CreationTimestamp,
                    JobScheduleTime = run.Metadata.Annotations?.GetValueOrDefault(Scheduling.RecurringRunRuns.ScheduledTimeAnnotation) is { } scheduled
                        && DateTimeOffset.TryParse(scheduled, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                            ? at
                            : null,
                },
            },
        };
    }
}
