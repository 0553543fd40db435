using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Server.Resources;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// The server's admission checks (the namespace accepts objects; every validator of the kind agrees) for KFP writes,
/// with a validator's 422 answered as KFP answers invalid input: 400 INVALID_ARGUMENT, each problem named by the
/// request's own field path (see <see cref="KfpFieldPaths"/>).
/// </summary>
internal sealed class KfpAdmission(ResourceAdmission admission)
{
    public Task EnsureNamespaceAsync(ResourceKind kind, string ns, CancellationToken cancellationToken) =>
        admission.EnsureNamespaceAcceptsAsync(kind, ns, cancellationToken);

    public void Validate(ResourceKind kind, Resource resource, string pipelineSpecField = "pipeline_spec")
    {
        try
        {
            admission.Validate(kind, resource);
        }
        catch (ResourceException e) when (e.Code == 422)
        {
            var causes = (e.Status.Details?.Causes ?? [])
                .Select(c => c with { Field = KfpFieldPaths.Translate(c.Field, pipelineSpecField) })
                .ToList();
            var problems = causes.Count == 0
                ? e.Message
                : string.Join("; ", causes.Select(c => string.IsNullOrEmpty(c.Field) ? c.Message : $"{c.Field}: {c.Message}"));
            throw new ResourceException(new ApiStatus
            {
                Code = 400,
                Reason = "BadRequest",
                Message = $"invalid {KfpStore.Noun(kind)}: {problems}",
                Details = new StatusDetails { Kind = kind.Kind, Causes = causes },
            });
        }
    }
}
