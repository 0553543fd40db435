using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Core.Workloads;
using Sharpflow.Server.Http;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// Streams workload logs as text/plain lines: one workload by id, or every workload a resource owns
/// (found by the owner labels controllers put on workloads), flushed per line while following.
/// </summary>
internal sealed partial class LogStreamer(
    IWorkloadRuntime runtime,
    IResourceStore store,
    KindRegistry kinds,
    IHostApplicationLifetime lifetime,
    ILogger<LogStreamer> logger)
{
    public async Task<IResult> StreamWorkloadAsync(HttpContext context, string id)
    {
        var workload = await runtime.GetAsync(id, context.RequestAborted)
            ?? throw ResourceException.NotFound($"workload \"{id}\" not found; 'sharpflow workloads list' shows the ones that exist");
        workload.Labels.TryGetValue(WorkloadLabels.Namespace, out var ns);
        await RequestAuthorization.EnsureAllowedAsync(context, "get", ExtensionEndpoints.WorkloadsGroup, ExtensionEndpoints.WorkloadsResource, ns, id, "log");
        await StreamAsync(context, [workload.Id], ReadOptions(context.Request));
        return Results.Empty;
    }

    public async Task<IResult> StreamResourceAsync(HttpContext context, string ns, string plural, string name)
    {
        var kind = ResolveKind(plural);
        await RequestAuthorization.EnsureAllowedAsync(context, "get", kind.Group, kind.Plural, ns, name, "log");
        var options = ReadOptions(context.Request);
        var container = QueryValues.String(context.Request, "container");
        var owner = await store.GetAsync(new ResourceKey(kind.Group, kind.Kind, ns, name), context.RequestAborted)
            ?? throw ResourceException.NotFound(new ResourceKey(kind.Group, kind.Kind, ns, name));
        var owned = new WorkloadOwnership(owner, container);
        var ids = await owned.FindAsync(runtime, context.RequestAborted);
        if (ids.Count == 0)
        {
            if (!options.Follow)
            {
                throw ResourceException.NotFound(
                    $"{kind.Kind} \"{name}\" in namespace \"{ns}\" has no workloads{(container is null ? string.Empty : $" for container \"{container}\"")} yet; follow the log (-f) to wait for one");
            }

            ids = await owned.WaitAsync(runtime, context.RequestAborted);
        }

        await StreamAsync(context, ids, options);
        return Results.Empty;
    }

    private ResourceKind ResolveKind(string plural)
    {
        var matches = kinds.Resolve(plural).Where(k => k.Namespaced).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw ResourceException.NotFound($"the server could not find the requested resource (kind \"{plural}\")"),
            _ => throw ResourceException.BadRequest(
                $"\"{plural}\" is ambiguous: use one of {string.Join(", ", matches.Select(m => $"{m.Plural}.{m.Group}"))}"),
        };
    }

    private static LogOptions ReadOptions(HttpRequest request) => new()
    {
        Follow = QueryValues.Bool(request, "follow"),
        TailLines = QueryValues.Int(request, "tailLines"),
    };

    private async Task StreamAsync(HttpContext context, IReadOnlyList<string> ids, LogOptions options)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.StartAsync(stop.Token);
            await foreach (var line in ReadAsync(ids, options, stop.Token))
            {
                await response.WriteAsync(line + "\n", stop.Token);
                if (options.Follow)
                {
                    await response.Body.FlushAsync(stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client stopped reading or the server is stopping: the log simply ends.
        }
        catch (Exception e) when (response.HasStarted && !stop.IsCancellationRequested)
        {
            LogReadFailed(e, string.Join(", ", ids));
        }
    }

    /// <summary>One workload's lines as they are; several workloads' lines prefixed with their id, interleaved while following.</summary>
    private IAsyncEnumerable<string> ReadAsync(IReadOnlyList<string> ids, LogOptions options, CancellationToken cancellationToken)
    {
        if (ids.Count == 1)
        {
            return runtime.ReadLogAsync(ids[0], options, cancellationToken);
        }

        return options.Follow ? MergeAsync(ids, options, cancellationToken) : ConcatAsync(ids, options, cancellationToken);
    }

    private async IAsyncEnumerable<string> ConcatAsync(
        IReadOnlyList<string> ids, LogOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await foreach (var line in runtime.ReadLogAsync(id, options, cancellationToken))
            {
                yield return $"[{id}] {line}";
            }
        }
    }

    private IAsyncEnumerable<string> MergeAsync(IReadOnlyList<string> ids, LogOptions options, CancellationToken cancellationToken)
    {
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var readers = ids.Select(async id =>
        {
            await foreach (var line in runtime.ReadLogAsync(id, options, cancellationToken))
            {
                await lines.Writer.WriteAsync($"[{id}] {line}", cancellationToken);
            }
        });
        _ = Task.WhenAll(readers).ContinueWith(
            t => lines.Writer.TryComplete(t.Exception?.InnerException),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return lines.Reader.ReadAllAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the log of {Workloads} failed")]
    private partial void LogReadFailed(Exception exception, string workloads);
}
