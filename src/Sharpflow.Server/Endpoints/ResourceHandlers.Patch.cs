using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Serialization;
using Sharpflow.Server.Http;
using Sharpflow.Server.Resources;

namespace Sharpflow.Server.Endpoints;

internal sealed partial class ResourceHandlers
{
    /// <summary>Attempts when a concurrent writer changes the object between the read and the write of a patch.</summary>
    private const int PatchAttempts = 5;

    public async Task<IResult> PatchAsync(HttpContext context)
    {
        var target = Resolve(context);
        if (target.IsCollection)
        {
            throw MethodNotAllowed(context, target, "patch one object with PATCH to its own URL");
        }

        await RequestAuthorization.EnsureAllowedAsync(context, "patch", target);
        var mediaType = ApiMediaTypes.ContentMediaType(context.Request);
        if (mediaType is ApiMediaTypes.JsonPatch or ApiMediaTypes.StrategicMergePatch)
        {
            throw new ResourceException(new ApiStatus
            {
                Code = StatusCodes.Status415UnsupportedMediaType,
                Reason = "UnsupportedMediaType",
                Message = $"PATCH with Content-Type {mediaType} is not supported: send a JSON merge patch (RFC 7386) as {ApiMediaTypes.MergePatch}",
            });
        }

        var patch = await BodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        // A patch that names a resourceVersion asks for optimistic concurrency: its conflicts are the caller's.
        var pinned = (patch["metadata"] as JsonObject)?.ContainsKey("resourceVersion") == true;
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetExistingAsync(target.Key, context.RequestAborted);
            var document = JsonSerializer.SerializeToNode(current, ApiJsonContext.Default.Resource)!.AsObject();
            var patched = MergePatch.Apply(document, patch) as JsonObject ?? [];
            var resource = BodyConformance.Conform(ResourceYaml.ToResource(patched), target);
            try
            {
                return ApiResults.Ok(await WriteAsync(target, resource, context.RequestAborted));
            }
            catch (ResourceException e) when (e.Code == StatusCodes.Status409Conflict && e.Reason == "Conflict" && !pinned && attempt < PatchAttempts)
            {
                // Someone else wrote in between: apply the patch again to the new state.
            }
        }
    }
}
