using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Sharpflow.Api.Errors;
using Sharpflow.Core.Artifacts;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Store;
using Sharpflow.Server.Http;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// Serves the artifacts a run's tasks recorded (their inputs and outputs), and nothing else: the URI must
/// appear in one of the run's executions, so the endpoint cannot be used to read arbitrary files or buckets.
/// A single-file artifact is returned as it is; a directory artifact lists its files, and <c>file=</c> picks one.
/// </summary>
internal sealed class RunArtifactReader(IResourceStore store, IExecutionStore executions, ArtifactStoreResolver artifacts)
{
    private const int SniffLength = 8192;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task<IResult> ReadAsync(HttpContext context, string ns, string name)
    {
        var uri = QueryValues.String(context.Request, "uri")
            ?? throw ResourceException.BadRequest("the query parameter \"uri\" is required: the artifact URI as a task recorded it", "uri");
        var file = QueryValues.String(context.Request, "file");
        var run = await RunEndpoints.GetRunAsync(context, store, ns, name, "artifact");
        var tasks = await executions.ListByRunAsync(run.Metadata.Uid!, context.RequestAborted);
        if (!tasks.Any(t => RecordedUris(t).Contains(uri)))
        {
            throw ResourceException.NotFound($"no task of run \"{name}\" recorded the artifact \"{uri}\"; 'sharpflow runs get {name}' lists the run's artifacts");
        }

        var artifactStore = ArtifactStoreFor(uri);
        var objects = await artifactStore.ListAsync(uri, context.RequestAborted);
        if (objects.Count == 0)
        {
            throw ResourceException.NotFound($"the artifact \"{uri}\" is recorded but its content is missing from the artifact store");
        }

        if (objects is [var single] && single.Uri == uri)
        {
            return await SendAsync(context, artifactStore, uri);
        }

        if (file is null)
        {
            var prefix = uri.TrimEnd('/') + "/";
            return ApiResults.Json(objects
                .Select(o => new ArtifactFile(o.Uri.StartsWith(prefix, StringComparison.Ordinal) ? o.Uri[prefix.Length..] : o.Uri, o.Size))
                .ToList());
        }

        var fileUri = uri.TrimEnd('/') + "/" + file.TrimStart('/');
        if (file.Split('/').Contains("..") || !objects.Any(o => o.Uri == fileUri))
        {
            throw ResourceException.NotFound($"the artifact \"{uri}\" has no file \"{file}\"; leave out \"file\" to list its files");
        }

        return await SendAsync(context, artifactStore, fileUri);
    }

    private IArtifactStore ArtifactStoreFor(string uri)
    {
        try
        {
            return artifacts.For(uri);
        }
        catch (ArtifactStoreException e)
        {
            throw ResourceException.BadRequest(e.Message, "uri");
        }
    }

    private static IEnumerable<string> RecordedUris(TaskExecution task) =>
        new[] { task.Inputs, task.Outputs }.SelectMany(json => RecordedArtifacts.UrisByName(json).Values).SelectMany(uris => uris);

    private static async Task<IResult> SendAsync(HttpContext context, IArtifactStore artifactStore, string uri)
    {
        await using var content = await artifactStore.OpenReadAsync(uri, context.RequestAborted)
            ?? throw ResourceException.NotFound($"the artifact file \"{uri}\" is missing from the artifact store");
        var head = new byte[SniffLength];
        var length = await content.ReadAtLeastAsync(head, SniffLength, throwOnEndOfStream: false, context.RequestAborted);
        var response = context.Response;
        response.ContentType = ContentTypeOf(uri, head.AsSpan(0, length));
        await response.Body.WriteAsync(head.AsMemory(0, length), context.RequestAborted);
        await content.CopyToAsync(response.Body, context.RequestAborted);
        return Results.Empty;
    }

    // Artifacts often have no extension ("metrics", "html_artifact"): text without NUL bytes is served as text.
    private static string ContentTypeOf(string uri, ReadOnlySpan<byte> head)
    {
        if (ContentTypes.TryGetContentType(uri, out var known))
        {
            return known.StartsWith("text/", StringComparison.Ordinal) ? known + "; charset=utf-8" : known;
        }

        return head.Contains((byte)0) ? "application/octet-stream" : "text/plain; charset=utf-8";
    }

    private sealed record ArtifactFile(string Path, long Size);
}
