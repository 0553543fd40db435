using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Creates Pipeline resources for the KFP API, and a pipeline together with its first version. A pipeline's name is
/// unique in its namespace (KFP's rule): the resource name is the KFP name made a DNS-1123 label, and a second pipeline
/// with that name is ALREADY_EXISTS.
/// </summary>
internal sealed class PipelineFactory(KfpStore store, KfpAdmission admission, PipelineVersionFactory versions)
{
    public static Resource Build(string ns, string name, string? displayName, string? description, JsonObject? tags)
    {
        var kind = PipelineKinds.Pipeline;
        var spec = new JsonObject { ["displayName"] = string.IsNullOrEmpty(displayName) ? name : displayName };
        if (!string.IsNullOrEmpty(description))
        {
            spec["description"] = description;
        }

        if (tags is { Count: > 0 })
        {
            spec["tags"] = tags.DeepClone();
        }

        return new Resource
        {
            ApiVersion = kind.ApiVersion,
            Kind = kind.Kind,
            Metadata = new ObjectMeta { Name = KfpNames.From(name, "pipeline"), Namespace = ns },
            Spec = spec,
        };
    }

    /// <summary>Reads a KFP <c>Pipeline</c> body (<c>name</c> or <c>display_name</c> required) into a resource, not stored yet.</summary>
    public static Resource Read(JsonObject body, string path, string? namespaceOverride)
    {
        var name = KfpBody.String(body, "name", path);
        var displayName = KfpBody.String(body, "display_name", path);
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(displayName))
        {
            throw KfpErrors.InvalidArgument(KfpBody.Join(path, "name"), "is required: name the pipeline (name or display_name)");
        }

        var tags = KfpBody.Object(body, "tags", path);
        foreach (var (key, value) in tags ?? [])
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw KfpErrors.InvalidArgument(KfpBody.Join(path, $"tags.{key}"), "must be a string");
            }
        }

        var ns = KfpNamespaces.Resolve(KfpBody.String(body, "namespace", path) ?? namespaceOverride);
        return Build(ns, (string.IsNullOrWhiteSpace(name) ? displayName : name)!, displayName, KfpBody.String(body, "description", path), tags);
    }

    /// <summary>Stores the pipeline after the caller's authorization; ALREADY_EXISTS when the name is taken.</summary>
    public async Task<Resource> CreateAsync(HttpContext context, Resource pipeline)
    {
        var kind = PipelineKinds.Pipeline;
        var ns = pipeline.Metadata.Namespace!;
        await KfpStore.AuthorizeAsync(context, "create", kind, ns);
        await admission.EnsureNamespaceAsync(kind, ns, context.RequestAborted);
        admission.Validate(kind, pipeline);
        try
        {
            return await store.Inner.CreateAsync(pipeline, context.RequestAborted);
        }
        catch (ResourceException e) when (e.Code == StatusCodes.Status409Conflict)
        {
            throw KfpErrors.AlreadyExists($"a pipeline named \"{pipeline.Metadata.Name}\" already exists in namespace \"{ns}\"");
        }
    }

    /// <summary>
    /// Creates a pipeline and its first version. The version is checked before the pipeline is stored, and the pipeline
    /// is removed again if storing the version fails, so that no empty pipeline is left behind.
    /// </summary>
    public async Task<(Resource Pipeline, Resource Version)> CreateWithVersionAsync(HttpContext context, Resource pipeline, VersionRequest request)
    {
        var ns = pipeline.Metadata.Namespace!;
        await KfpStore.AuthorizeAsync(context, "create", PipelineKinds.PipelineVersion, ns);
        var version = versions.Build(ns, pipeline.Metadata.Name!, request with { Name = request.Name ?? pipeline.Metadata.Name });
        var created = await CreateAsync(context, pipeline);
        try
        {
            return (created, await versions.CreateAsync(version, created, nameGiven: false, context.RequestAborted));
        }
        catch
        {
            await store.DeleteAsync(created, CancellationToken.None);
            throw;
        }
    }
}
