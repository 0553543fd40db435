using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Client;

namespace Sharpflow.Dashboard.Model;

/// <summary>
/// The objects of one kind in one namespace, kept current: a list, then a watch from the list's
/// resourceVersion. When the watch ends or fails it lists again (after a backoff on errors), so a
/// restarted server or an expired resourceVersion (410) heals without a page reload.
/// </summary>
internal sealed partial class LiveResourceList(
    SharpflowClient client,
    KindInfo kind,
    string? ns,
    TimeProvider time,
    ILogger<LiveResourceList> logger) : IAsyncDisposable
{
    private const int PageSize = 500;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<(string?, string?), Resource> _objects = [];
    private Task? _loop;

    /// <summary>Raised after every change to <see cref="Items"/>, <see cref="Loaded"/> or <see cref="Error"/>.</summary>
    public event Func<Task>? Changed;

    public KindInfo Kind => kind;

    public IReadOnlyList<Resource> Items { get; private set; } = [];

    public bool Loaded { get; private set; }

    /// <summary>The last failure to list or watch, cleared once the list is current again.</summary>
    public string? Error { get; private set; }

    public void Start() => _loop ??= RunAsync(_stopping.Token);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var version = await RelistAsync(cancellationToken);
                retry = FirstRetry;
                await foreach (var change in client.WatchAsync(kind, ns, version, cancellationToken: cancellationToken))
                {
                    if (Apply(change))
                    {
                        await NotifyAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ResourceException e) when (e.Code == 410)
            {
                // The watch fell behind what the store keeps: list again right away.
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or ResourceException or IOException or JsonException or InvalidDataException)
            {
                LogWatchFailed(logger, kind.Kind, ns ?? "(all)", e.Message);
                Error = e.Message;
                await NotifyAsync();
            }

            try
            {
                await Task.Delay(retry, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task<string?> RelistAsync(CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<(string?, string?), Resource>();
        string? version = null;
        string? next = null;
        do
        {
            var page = await client.ListAsync(kind, ns, new ListOptions { Limit = PageSize, Continue = next }, cancellationToken);
            version ??= page.Metadata.ResourceVersion;
            foreach (var item in page.Items)
            {
                fresh[KeyOf(item)] = item;
            }

            next = page.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(next));

        _objects.Clear();
        foreach (var (key, item) in fresh)
        {
            _objects[key] = item;
        }

        Loaded = true;
        Error = null;
        Publish();
        await NotifyAsync();
        return version;
    }

    private bool Apply(WatchEvent change)
    {
        switch (change.Type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                _objects[KeyOf(change.Object)] = change.Object;
                break;
            case WatchEventType.Deleted:
                _objects.Remove(KeyOf(change.Object));
                break;
            default:
                return false;
        }

        Publish();
        return true;
    }

    private void Publish() => Items = [.. _objects.Values.OrderBy(r => r.Metadata.Namespace, StringComparer.Ordinal).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal)];

    private async Task NotifyAsync()
    {
        if (Changed is { } changed)
        {
            await changed();
        }
    }

    private static (string?, string?) KeyOf(Resource resource) => (resource.Metadata.Namespace, resource.Metadata.Name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listing or watching {Kind} in namespace {Namespace} failed: {Reason}")]
    private static partial void LogWatchFailed(ILogger logger, string kind, string? @namespace, string reason);
}
