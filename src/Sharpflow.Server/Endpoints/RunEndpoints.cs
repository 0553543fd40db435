using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Store;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.Http;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// What a pipeline run did, beside its resource: the task executions of its tree, and the artifacts they
/// recorded. Read access to the run is what both require.
/// </summary>
internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/sharpflow/v1/namespaces/{ns}/runs/{name}").WithTags("Runs");
        runs.MapGet("/tasks", ListTasksAsync).WithName("ListRunTasks");
        runs.MapGet("/artifact", (HttpContext context, string ns, string name, RunArtifactReader reader) => reader.ReadAsync(context, ns, name))
            .WithName("ReadRunArtifact");
        return app;
    }

    /// <summary>The run after checking the caller may read it; a 404 Status that says where to look when it does not exist.</summary>
    public static async Task<Resource> GetRunAsync(HttpContext context, IResourceStore store, string ns, string name, string subresource)
    {
        var kind = PipelineKinds.Run;
        await RequestAuthorization.EnsureAllowedAsync(context, "get", kind.Group, kind.Plural, ns, name, subresource);
        return await store.GetAsync(new ResourceKey(kind.Group, kind.Kind, ns, name), context.RequestAborted)
            ?? throw ResourceException.NotFound($"run \"{name}\" not found in namespace \"{ns}\"; 'sharpflow runs list -n {ns}' shows the runs there");
    }

    private static async Task<ApiResult> ListTasksAsync(HttpContext context, string ns, string name, IResourceStore store, IExecutionStore executions)
    {
        var run = await GetRunAsync(context, store, ns, name, "tasks");
        var tasks = await executions.ListByRunAsync(run.Metadata.Uid!, context.RequestAborted);
        return ApiResults.Json(tasks.ToList());
    }
}
