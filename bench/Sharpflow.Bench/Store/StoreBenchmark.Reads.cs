using System.Diagnostics;
using Sharpflow.Bench.Reporting;
using Sharpflow.Core.Store;

namespace Sharpflow.Bench.Store;

internal sealed partial class StoreBenchmark
{
    private static async Task MeasureListsAsync(IResourceStore store, StoreBenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var objects = options.Objects;
        await MeasureListAsync(store, table, $"list {objects:N0}, selector matching 10%", "app=bench,shard=s3", objects / 10, 50, ListP50TargetMs, cancellationToken);
        await MeasureListAsync(store, table, $"list {objects:N0}, selector matching 0.2%", "shard in (s1,s2),pipeline=p5", null, 50, null, cancellationToken);
        await MeasureListAsync(store, table, $"list {objects:N0}, selector matching all", "app=bench", objects, 10, null, cancellationToken);
        await MeasureListAsync(store, table, $"list {objects:N0}, page of 500", null, 500, 50, null, cancellationToken, limit: 500);
    }

    private static async Task MeasureListAsync(
        IResourceStore store,
        ResultTable table,
        string metric,
        string? selector,
        int? expected,
        int iterations,
        double? targetMs,
        CancellationToken cancellationToken,
        int? limit = null)
    {
        var query = new ListQuery { Group = string.Empty, Kind = "ConfigMap", Namespace = ListNamespace, LabelSelector = selector, Limit = limit };
        var warm = await store.ListAsync(query, cancellationToken);
        if (expected is not null && warm.Items.Count != expected)
        {
            throw new InvalidOperationException($"{metric}: expected {expected} items, got {warm.Items.Count}");
        }

        var samples = new Samples();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var n = 0; n < iterations; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await store.ListAsync(query, cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        var cpuPerList = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
        table.AtMost($"{metric} ({warm.Items.Count:N0} items) p50", samples.Percentile(50), "ms", targetMs);
        table.AtMost($"{metric} ({warm.Items.Count:N0} items) p95", samples.Percentile(95), "ms", null);
        table.AtMost($"{metric}: process CPU time per list", cpuPerList, "ms", null);
    }
}
