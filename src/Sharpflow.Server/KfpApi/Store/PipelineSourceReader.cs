using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Reads the pipeline source of a KFP Run or RecurringRun body: <c>pipeline_spec</c> (the PipelineSpec as JSON, or
/// <c>{pipeline_spec, platform_spec}</c>), <c>pipeline_version_reference{pipeline_id, pipeline_version_id}</c>, or the
/// deprecated <c>pipeline_version_id</c>. Exactly one is required; referenced objects must exist and be readable.
/// </summary>
internal sealed class PipelineSourceReader(KfpStore store)
{
    public async Task<PipelineSource> ReadAsync(HttpContext context, JsonObject body)
    {
        var inline = KfpBody.Field(body, "pipeline_spec");
        var reference = KfpBody.Object(body, "pipeline_version_reference", string.Empty);
        var legacyVersionId = KfpBody.String(body, "pipeline_version_id", string.Empty);
        var given = (inline is null ? 0 : 1) + (reference is null ? 0 : 1) + (legacyVersionId is null ? 0 : 1);
        if (given == 0)
        {
            throw KfpErrors.InvalidArgument(
                "pipeline_spec", "is required: give the compiled pipeline as pipeline_spec, or a stored one as pipeline_version_reference{pipeline_id, pipeline_version_id}");
        }

        if (given > 1)
        {
            throw KfpErrors.InvalidArgument("pipeline_version_reference", "give either pipeline_spec or pipeline_version_reference, not both");
        }

        if (inline is not null)
        {
            return inline is JsonObject spec
                ? new PipelineSource(spec, null, null)
                : throw KfpErrors.InvalidArgument("pipeline_spec", "must be the compiled PipelineSpec as a JSON object");
        }

        var versionId = legacyVersionId ?? KfpBody.String(reference, "pipeline_version_id", "pipeline_version_reference");
        var pipelineId = KfpBody.String(reference, "pipeline_id", "pipeline_version_reference");
        if (!string.IsNullOrEmpty(versionId))
        {
            var version = await store.GetByIdAsync(context, PipelineKinds.PipelineVersion, versionId, "get");
            var pipeline = await store.GetAsync(
                PipelineKinds.Pipeline, version.Metadata.Namespace!, KfpJson.String(version.Spec, "pipelineName") ?? string.Empty, context.RequestAborted)
                ?? throw KfpErrors.NotFound($"the pipeline of pipeline version \"{versionId}\" no longer exists");
            if (!string.IsNullOrEmpty(pipelineId) && pipeline.Metadata.Uid != pipelineId)
            {
                throw KfpErrors.InvalidArgument(
                    "pipeline_version_reference.pipeline_id", $"pipeline version \"{versionId}\" belongs to pipeline \"{pipeline.Metadata.Uid}\", not \"{pipelineId}\"");
            }

            return new PipelineSource(null, pipeline, version);
        }

        if (string.IsNullOrEmpty(pipelineId))
        {
            throw KfpErrors.InvalidArgument("pipeline_version_reference", "name the pipeline_id, and the pipeline_version_id to run (the newest version when left out)");
        }

        var referenced = await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "get");
        return new PipelineSource(null, referenced, await NewestVersionAsync(referenced, context.RequestAborted)
            ?? throw KfpErrors.FailedPrecondition($"pipeline \"{pipelineId}\" has no versions to run: upload one first"));
    }

    private async Task<Resource?> NewestVersionAsync(Resource pipeline, CancellationToken cancellationToken)
    {
        var versions = await store.ListAsync(PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace, cancellationToken);
        return versions
            .Where(v => KfpJson.String(v.Spec, "pipelineName") == pipeline.Metadata.Name)
            .OrderByDescending(v => v.Metadata.CreationTimestamp)
            .ThenByDescending(v => long.TryParse(v.Metadata.ResourceVersion, out var rv) ? rv : 0)
            .FirstOrDefault();
    }
}
