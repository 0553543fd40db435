using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Server.KfpApi.Errors;
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
            throw causes.Count == 0
                ? KfpErrors.InvalidFields(KfpStore.Noun(kind), [new StatusCause { Message = e.Message }])
                : KfpErrors.InvalidFields(KfpStore.Noun(kind), causes);
        }
    }
}
