using System.Collections.Concurrent;
using System.Diagnostics;
using Sharpflow.Bench.Reporting;
using Sharpflow.Core.Store;

namespace Sharpflow.Bench.Store;

internal sealed partial class StoreBenchmark
{
    private const string WatchNamespace = "bench-watch";

    /// <summary>
    /// N watchers follow the store while one writer makes M changes; latency is from the start of the
    /// write to a watcher receiving it, throughput is deliveries per second until the last watcher has all.
    /// </summary>
    private static async Task MeasureWatchAsync(IResourceStore store, StoreBenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var from = await store.GetCurrentVersionAsync(cancellationToken);
        var issued = new ConcurrentDictionary<string, long>();
        var latencies = new Samples();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchers = Enumerable.Range(0, options.Watchers).Select(_ => Task.Run(
            async () =>
            {
                var received = 0;
                await foreach (var e in store.WatchAsync(new WatchQuery { Kind = "ConfigMap", Group = string.Empty, Namespace = WatchNamespace, ResourceVersion = from }, stop.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    if (issued.TryGetValue(e.Object.Metadata.Name!, out var started))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started, now));
                    }

                    if (++received == options.Changes)
                    {
                        return;
                    }
                }
            },
            stop.Token)).ToList();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < options.Changes; i++)
        {
            var name = Name(i);
            issued[name] = Stopwatch.GetTimestamp();
            await store.CreateAsync(ConfigMap(WatchNamespace, name, i), cancellationToken);
        }

        var all = Task.WhenAll(watchers);
        if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromMinutes(2), cancellationToken)) != all)
        {
            await stop.CancelAsync();
            throw new TimeoutException("watchers did not receive every change within two minutes");
        }

        var deliveries = (double)options.Watchers * options.Changes;
        table.AtLeast($"watch fan-out: {options.Watchers} watchers × {options.Changes:N0} changes, deliveries/s", deliveries / watch.Elapsed.TotalSeconds, "/s", null);
        table.AtMost("watch delivery latency p50", latencies.Percentile(50), "ms", null);
        table.AtMost("watch delivery latency p95", latencies.Percentile(95), "ms", null);
    }
}
