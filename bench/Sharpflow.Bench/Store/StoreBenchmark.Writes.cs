using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Bench.Reporting;
using Sharpflow.Core.Store;

namespace Sharpflow.Bench.Store;

internal sealed partial class StoreBenchmark
{
    public const string ListNamespace = "bench-list";
    private const string ConcurrentNamespace = "bench-concurrent";

    internal static Resource ConfigMap(string ns, string name, int i) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            Labels = new Dictionary<string, string>
            {
                ["app"] = "bench",
                ["shard"] = "s" + (i % 10),
                ["pipeline"] = "p" + (i % 97),
            },
            Annotations = new Dictionary<string, string> { ["note"] = "created by the store benchmark" },
        },
        Extra = new Dictionary<string, JsonElement>
        {
            ["data"] = JsonSerializer.SerializeToElement(new JsonObject { ["index"] = i, ["payload"] = new string('x', 200) }),
        },
    };

    /// <summary>Runs every operation enough times for the JIT to settle before anything is measured.</summary>
    private static async Task WarmUpAsync(IResourceStore store, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 1_500; i++)
        {
            var created = await store.CreateAsync(ConfigMap("bench-warmup", Name(i), i), cancellationToken);
            await store.GetAsync(ResourceKey.Of(created), cancellationToken);
            if (i % 100 == 0)
            {
                await store.ListAsync(new ListQuery { Group = string.Empty, Kind = "ConfigMap", Namespace = "bench-warmup", LabelSelector = "shard=s1" }, cancellationToken);
            }
        }

        await store.DeleteAsync(new ResourceKey(string.Empty, "ConfigMap", "bench-warmup", Name(0)), cancellationToken: cancellationToken);
    }

    /// <summary>Sequential creates fill the namespace the list figures read; concurrent writers add more elsewhere.</summary>
    private static async Task MeasureCreatesAsync(IResourceStore store, StoreBenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < options.Objects; i++)
        {
            await store.CreateAsync(ConfigMap(ListNamespace, Name(i), i), cancellationToken);
        }

        table.AtLeast($"creates/s, 1 writer ({options.Objects:N0} objects)", options.Objects / watch.Elapsed.TotalSeconds, "/s", CreatesPerSecondTarget);
        table.AtMost("process CPU time per create, 1 writer", (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / options.Objects, "ms", null);

        var next = -1;
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < options.ConcurrentCreates)
                {
                    await store.CreateAsync(ConfigMap(ConcurrentNamespace, Name(i), i), cancellationToken);
                }
            },
            cancellationToken)));
        table.AtLeast($"creates/s, {options.Writers} writers ({options.ConcurrentCreates:N0} objects)", options.ConcurrentCreates / watch.Elapsed.TotalSeconds, "/s", CreatesPerSecondTarget);
    }

    private static async Task MeasureGetsAsync(IResourceStore store, StoreBenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var samples = new Samples();
        var random = new Random(7);
        for (var n = 0; n < options.Gets; n++)
        {
            var key = new ResourceKey(string.Empty, "ConfigMap", ListNamespace, Name(random.Next(options.Objects)));
            var started = Stopwatch.GetTimestamp();
            _ = await store.GetAsync(key, cancellationToken) ?? throw new InvalidOperationException($"{key} is missing");
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        table.AtMost("get p50", samples.Percentile(50), "ms", null);
        table.AtMost("get p95", samples.Percentile(95), "ms", null);
    }
}
