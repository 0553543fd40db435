using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Packages;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Creates PipelineVersion resources for the KFP API: named after the version name (made unique in the namespace, since
/// versions of different pipelines share it), owned by their Pipeline so that deleting it deletes them, and validated
/// like any version (each problem named by the request's field, e.g. <c>uploadfile.root.dag.tasks.x</c>).
/// </summary>
internal sealed class PipelineVersionFactory(KfpStore store, KfpAdmission admission, PipelinePackageFetcher fetcher)
{
    /// <summary>The version's resource, not stored yet (validated, so a pipeline is not created for a version that cannot be).</summary>
    public Resource Build(string ns, string pipelineName, VersionRequest request)
    {
        var kind = PipelineKinds.PipelineVersion;
        var spec = new JsonObject
        {
            ["pipelineName"] = pipelineName,
            ["displayName"] = request.DisplayName ?? request.Name ?? pipelineName,
            ["pipelineSpec"] = request.PipelineSpec.DeepClone(),
        };
        Set(spec, "description", request.Description);
        if (request.PlatformSpec is not null)
        {
            spec["platformSpec"] = request.PlatformSpec.DeepClone();
        }

        Set(spec, "packageUrl", request.PackageUrl);
        Set(spec, "codeSourceUrl", request.CodeSourceUrl);
        var resource = new Resource
        {
            ApiVersion = kind.ApiVersion,
            Kind = kind.Kind,
            Metadata = new ObjectMeta { Name = KfpNames.From(request.Name ?? request.DisplayName ?? pipelineName, "version"), Namespace = ns },
            Spec = spec,
        };
        admission.Validate(kind, resource, request.PipelineSpecField);
        return resource;
    }

    /// <summary>Stores a built version under its pipeline; an explicit name already used by a version of the same pipeline is ALREADY_EXISTS.</summary>
    public async Task<Resource> CreateAsync(Resource version, Resource pipeline, bool nameGiven, CancellationToken cancellationToken)
    {
        var name = version.Metadata.Name!;
        if (nameGiven && await store.GetAsync(PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace!, name, cancellationToken) is { } existing
            && KfpJson.String(existing.Spec, "pipelineName") == pipeline.Metadata.Name)
        {
            throw KfpErrors.AlreadyExists($"pipeline \"{pipeline.Metadata.Uid}\" already has a version named \"{name}\"");
        }

        var owned = version with
        {
            Metadata = version.Metadata with
            {
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = pipeline.ApiVersion,
                        Kind = pipeline.Kind,
                        Name = pipeline.Metadata.Name!,
                        Uid = pipeline.Metadata.Uid!,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
        };
        return await KfpNames.CreateUniqueAsync(store.Inner, owned, name, cancellationToken);
    }

    /// <summary>
    /// Reads a KFP <c>PipelineVersion</c> body: names, and the pipeline from <c>pipeline_spec</c> (the PipelineSpec, or
    /// <c>{pipeline_spec, platform_spec}</c>) or from <c>package_url.pipeline_url</c>.
    /// </summary>
    public async Task<VersionRequest> ReadAsync(JsonObject body, string path, CancellationToken cancellationToken)
    {
        var name = KfpBody.String(body, "name", path);
        var displayName = KfpBody.String(body, "display_name", path);
        var description = KfpBody.String(body, "description", path);
        var codeSourceUrl = KfpBody.String(body, "code_source_url", path);
        var packageUrl = KfpBody.String(KfpBody.Object(body, "package_url", path), "pipeline_url", KfpBody.Join(path, "package_url"));
        var specField = KfpBody.Join(path, "pipeline_spec");
        var inline = KfpBody.Object(body, "pipeline_spec", path);
        if (inline is not null)
        {
            var (spec, platform) = Unwrap(inline);
            return new VersionRequest(name, displayName, description, spec, platform, packageUrl, codeSourceUrl, specField);
        }

        if (string.IsNullOrEmpty(packageUrl))
        {
            throw KfpErrors.InvalidArgument(specField, "is required: give the compiled pipeline as pipeline_spec, or its URL as package_url.pipeline_url");
        }

        var package = Parse(await fetcher.FetchAsync(packageUrl, cancellationToken), KfpBody.Join(path, "package_url.pipeline_url"));
        return new VersionRequest(name, displayName, description, package.SpecJson, package.PlatformSpec, packageUrl, codeSourceUrl, KfpBody.Join(path, "package_url.pipeline_url"));
    }

    /// <summary>Reads pipeline text (YAML with an optional platforms document, or JSON); unreadable text is a 400 naming the field.</summary>
    public static PipelinePackage Parse(string text, string field)
    {
        try
        {
            return PipelineSpecParser.Parse(text);
        }
        catch (ResourceException e) when (e.Code == StatusCodes.Status400BadRequest)
        {
            throw KfpErrors.InvalidArgument(field, $"is not a compiled pipeline: {e.Message}");
        }
    }

    private static (JsonObject Spec, JsonObject? Platform) Unwrap(JsonObject inline)
    {
        if (!inline.ContainsKey("root") && !inline.ContainsKey("pipelineInfo") && KfpBody.Field(inline, "pipeline_spec") is JsonObject spec)
        {
            return (spec, KfpBody.Field(inline, "platform_spec") as JsonObject);
        }

        return (inline, null);
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }
}
