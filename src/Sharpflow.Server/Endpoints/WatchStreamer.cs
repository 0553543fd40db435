using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;
using Sharpflow.Api.Serialization;
using Sharpflow.Core.Store;
using Sharpflow.Server.Http;
using Sharpflow.Server.Observability;
using Sharpflow.Server.Resources;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// Streams watch events as newline-delimited JSON, one flushed line per change, until the client
/// goes away or the server stops; either way the response ends cleanly.
/// </summary>
internal sealed partial class WatchStreamer(
    IResourceStore store,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ServerMetrics metrics,
    ILogger<WatchStreamer> logger)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>
    /// How long the first step of a watch may take before the response headers go out. Errors found by
    /// then (an expired resourceVersion is the usual one) get their own status code; later ones are sent
    /// in-stream as an ERROR event, as Kubernetes does.
    /// </summary>
    private static readonly TimeSpan HeaderDeadline = TimeSpan.FromSeconds(1);

    public async Task StreamAsync(HttpContext context, ResourceTarget target)
    {
        var request = context.Request;
        var fieldSelector = FieldSelector.Parse(QueryValues.String(request, "fieldSelector"));
        var labelSelector = QueryValues.String(request, "labelSelector");
        LabelSelector.Parse(labelSelector);
        var query = new WatchQuery
        {
            Group = target.Kind.Group,
            Kind = target.Kind.Kind,
            Namespace = target.Namespace,
            LabelSelector = labelSelector,
            ResourceVersion = ResourceVersion(request),
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        IReadOnlyList<Resource> current = [];
        if (query.ResourceVersion is null or "0")
        {
            // As Kubernetes does: a watch without a version (or from "0") starts with the current state, one ADDED
            // event per object, then follows the changes after it.
            var list = await store.ListAsync(
                new ListQuery { Group = query.Group, Kind = query.Kind, Namespace = query.Namespace, LabelSelector = labelSelector }, stop.Token);
            current = list.Items;
            query = query with { ResourceVersion = list.Metadata.ResourceVersion };
        }

        var events = store.WatchAsync(query, stop.Token).GetAsyncEnumerator(stop.Token);
        var response = context.Response;
        metrics.WatchStarted();
        try
        {
            var next = events.MoveNextAsync().AsTask();
            await Task.WhenAny(next, Task.Delay(HeaderDeadline, timeProvider, stop.Token));
            if (next.IsFaulted)
            {
                // Before the headers: the exception handler answers with the error's own status code.
                await next;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.StartAsync(stop.Token);
            await response.Body.FlushAsync(stop.Token);
            foreach (var resource in current.Where(fieldSelector.Matches))
            {
                var added = new WatchEvent { Type = WatchEventType.Added, Object = resource };
                await WriteLineAsync(response, JsonSerializer.SerializeToUtf8Bytes(added, ApiJsonContext.Default.WatchEvent), stop.Token);
            }

            while (await next)
            {
                var change = events.Current;
                if (fieldSelector.Matches(change.Object))
                {
                    await WriteLineAsync(response, JsonSerializer.SerializeToUtf8Bytes(change, ApiJsonContext.Default.WatchEvent), stop.Token);
                }

                next = events.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client disconnected or the server is stopping: the stream simply ends.
        }
        catch (Exception e) when (response.HasStarted && !stop.IsCancellationRequested)
        {
            var status = e is ResourceException resource ? resource.Status : InternalError(e, target);
            await WriteErrorEventAsync(response, status, context.RequestAborted);
        }
        finally
        {
            metrics.WatchEnded();
            await events.DisposeAsync();
        }
    }

    private static string? ResourceVersion(HttpRequest request)
    {
        var value = QueryValues.String(request, "resourceVersion");
        return value is null || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? value
            : throw ResourceException.BadRequest(
                $"resourceVersion \"{value}\" is not one the server issued: use metadata.resourceVersion of a list or object", "resourceVersion");
    }

    private static async Task WriteLineAsync(HttpResponse response, byte[] json, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync(NewLine, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static async Task WriteErrorEventAsync(HttpResponse response, ApiStatus status, CancellationToken cancellationToken)
    {
        var error = new JsonObject
        {
            ["type"] = "ERROR",
            ["object"] = JsonSerializer.SerializeToNode(status, ApiJsonContext.Default.ApiStatus),
        };
        try
        {
            await WriteLineAsync(response, JsonSerializer.SerializeToUtf8Bytes(error), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client is gone; nobody is left to tell.
        }
    }

    private ApiStatus InternalError(Exception e, ResourceTarget target)
    {
        LogWatchFailed(e, target.Describe());
        return new ApiStatus { Code = StatusCodes.Status500InternalServerError, Reason = "InternalError", Message = "the watch failed; the server log has the details" };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Watch of {Target} failed")]
    private partial void LogWatchFailed(Exception exception, string target);
}
