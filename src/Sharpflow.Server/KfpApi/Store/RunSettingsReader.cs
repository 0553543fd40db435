using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Validation;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Reads what KFP's Run and RecurringRun requests share: <c>display_name</c> (required), <c>description</c>,
/// <c>experiment_id</c> (else the namespace's Default experiment), <c>runtime_config{parameters, pipeline_root}</c>,
/// <c>service_account</c> and the pipeline source. The namespace is the experiment's, else the one the request names,
/// else the referenced pipeline's, else "default"; the caller must be allowed to create the kind there.
/// </summary>
internal sealed class RunSettingsReader(KfpStore store, KfpExperiments experiments, PipelineSourceReader sources)
{
    public async Task<RunSettings> ReadAsync(HttpContext context, JsonObject body, ResourceKind kind)
    {
        var noun = KfpStore.Noun(kind);
        var displayName = KfpBody.String(body, "display_name", string.Empty);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw KfpErrors.InvalidArgument("display_name", $"is required: name the {noun}");
        }

        var description = KfpBody.String(body, "description", string.Empty);
        var serviceAccount = KfpBody.String(body, "service_account", string.Empty);
        var runtimeConfig = RuntimeConfig(KfpBody.Object(body, "runtime_config", string.Empty));
        var experimentId = KfpBody.String(body, "experiment_id", string.Empty);
        var experiment = string.IsNullOrEmpty(experimentId)
            ? null
            : await store.GetByIdAsync(context, PipelineKinds.Experiment, experimentId, "get");
        var source = await sources.ReadAsync(context, body);

        var requested = KfpQuery.String(context.Request, "namespace") ?? KfpBody.String(body, "namespace", string.Empty);
        var ns = experiment?.Metadata.Namespace ?? (string.IsNullOrWhiteSpace(requested) ? source.Namespace : requested) ?? KfpNamespaces.Default;
        if (source.Namespace is { } pipelineNamespace && pipelineNamespace != ns)
        {
            throw KfpErrors.InvalidArgument(
                "pipeline_version_reference", $"the pipeline is in namespace \"{pipelineNamespace}\" and the {noun} would be in \"{ns}\": a {noun} runs pipelines of its own namespace");
        }

        await KfpStore.AuthorizeAsync(context, "create", kind, ns);
        experiment ??= await experiments.EnsureDefaultAsync(ns, context.RequestAborted);
        if (KfpJson.String(experiment.Spec, "storageState") == KfpStorageStates.Archived)
        {
            throw KfpErrors.FailedPrecondition(
                $"experiment \"{experiment.Metadata.Uid}\" is archived: unarchive it (POST /apis/v2beta1/experiments/{experiment.Metadata.Uid}:unarchive) before adding a {noun}");
        }

        var spec = new JsonObject
        {
            ["displayName"] = displayName,
            ["experimentName"] = experiment.Metadata.Name,
        };
        Set(spec, "description", description);
        Set(spec, "serviceAccount", serviceAccount);
        if (runtimeConfig is not null)
        {
            spec["runtimeConfig"] = runtimeConfig;
        }

        source.ApplyTo(spec);
        CheckParameters(source, runtimeConfig, noun);
        return new RunSettings(ns, experiment, displayName, spec);
    }

    /// <summary>
    /// The parameters must fit the stored version's inputs, as KFP checks them when the run is created (an inline
    /// pipeline's are checked by the Run validator).
    /// </summary>
    private static void CheckParameters(PipelineSource source, JsonObject? runtimeConfig, string noun)
    {
        if (source.Version?.Spec?["pipelineSpec"] is not JsonObject stored)
        {
            return;
        }

        PipelinePackage package;
        try
        {
            package = PipelineSpecParser.Parse(stored);
        }
        catch (ResourceException)
        {
            return; // A stored version was validated; the engine reports what it cannot read.
        }

        var parameters = (runtimeConfig?["parameters"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        var problems = PipelineSpecValidator.ValidateRuntimeParameters(package.Spec, parameters, "runtime_config.parameters");
        if (problems.Count > 0)
        {
            throw KfpErrors.InvalidFields(noun, [.. problems.Select(p => new StatusCause { Reason = "FieldValueInvalid", Field = p.Path, Message = p.Message })]);
        }
    }

    /// <summary><c>runtime_config</c>: <c>parameters</c> (values by input name) and <c>pipeline_root</c>.</summary>
    private static JsonObject? RuntimeConfig(JsonObject? config)
    {
        if (config is null)
        {
            return null;
        }

        var parameters = KfpBody.Object(config, "parameters", "runtime_config");
        var root = KfpBody.String(config, "pipeline_root", "runtime_config");
        var result = new JsonObject();
        if (parameters is not null)
        {
            result["parameters"] = parameters.DeepClone();
        }

        Set(result, "pipelineRoot", root);
        return result;
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }
}
