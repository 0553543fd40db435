using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Server.Http;
using Sharpflow.Server.Namespaces;
using Sharpflow.Server.Resources;

namespace Sharpflow.Server.Endpoints;

internal sealed partial class ResourceHandlers
{
    private const string DefaultNamespace = "default";

    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var target = Resolve(context);
        if (!target.IsCollection)
        {
            throw MethodNotAllowed(context, target, "create objects with POST to the collection URL");
        }

        Resource body;
        if (target.Kind.Namespaced && target.Namespace is null)
        {
            // Posted to the all-namespaces URL: the body says where it goes, else "default", as kubectl does.
            body = await BodyReader.ReadResourceAsync(context.Request, context.RequestAborted);
            target = target with { Namespace = body.Metadata.Namespace ?? DefaultNamespace };
            await RequestAuthorization.EnsureAllowedAsync(context, "create", target);
        }
        else
        {
            await RequestAuthorization.EnsureAllowedAsync(context, "create", target);
            body = await BodyReader.ReadResourceAsync(context.Request, context.RequestAborted);
        }

        var resource = BodyConformance.Conform(body, target);
        resource = resource with
        {
            // Server-managed fields are assigned by the store; status is written through /status.
            Metadata = resource.Metadata with { Uid = null, ResourceVersion = null, CreationTimestamp = null, DeletionTimestamp = null, Generation = 0 },
            Status = target.Kind.HasStatusSubresource ? null : resource.Status,
        };
        await admission.EnsureNamespaceAcceptsAsync(target.Kind, resource.Metadata.Namespace, context.RequestAborted);
        admission.Validate(target.Kind, resource);
        return ApiResults.Created(IsNamespace(target.Kind)
            ? await NamespaceDefaults.CreateAsync(store, resource, context.RequestAborted)
            : await store.CreateAsync(resource, context.RequestAborted));
    }

    public async Task<IResult> ReplaceAsync(HttpContext context)
    {
        var target = Resolve(context);
        if (target.IsCollection)
        {
            throw MethodNotAllowed(context, target, "replace one object with PUT to its own URL");
        }

        await RequestAuthorization.EnsureAllowedAsync(context, "update", target);
        var resource = BodyConformance.Conform(await BodyReader.ReadResourceAsync(context.Request, context.RequestAborted), target);
        return ApiResults.Ok(await WriteAsync(target, resource, context.RequestAborted));
    }

    public async Task<IResult> DeleteAsync(HttpContext context)
    {
        var target = Resolve(context);
        if (target.IsCollection || target.Subresource is not null)
        {
            throw MethodNotAllowed(context, target, "delete one object with DELETE to its own URL");
        }

        await RequestAuthorization.EnsureAllowedAsync(context, "delete", target);
        if (IsNamespace(target.Kind) && target.Name == DefaultNamespace)
        {
            throw ResourceException.Forbidden($"namespaces \"{DefaultNamespace}\" is forbidden: this namespace may not be deleted");
        }

        var options = await DeleteOptionsReader.ReadAsync(context.Request, context.RequestAborted);
        var deleted = await store.DeleteAsync(target.Key, options, context.RequestAborted);
        return ApiResults.Ok(deleted ?? throw ResourceException.NotFound(target.Key));
    }

    /// <summary>Stores a full object: the main resource (validated first), or only its status for /status.</summary>
    private async Task<Resource> WriteAsync(ResourceTarget target, Resource resource, CancellationToken cancellationToken)
    {
        if (target.IsStatus)
        {
            return await store.UpdateStatusAsync(resource, cancellationToken);
        }

        admission.ValidateUpdate(target.Kind, await GetExistingAsync(target.Key, cancellationToken), resource);
        return await store.UpdateAsync(resource, cancellationToken);
    }
}
