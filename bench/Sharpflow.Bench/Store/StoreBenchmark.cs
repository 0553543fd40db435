using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Bench.Reporting;
using Sharpflow.Core.Store;
using Sharpflow.Storage;

namespace Sharpflow.Bench.Store;

/// <summary>
/// The resource store's figures: creates per second (one writer and several), get latency, list of
/// 10,000 objects with label selectors, and watch fan-out throughput and latency.
/// </summary>
internal sealed partial class StoreBenchmark : IBenchmark
{
    private const double CreatesPerSecondTarget = 2_000;
    private const double ListP50TargetMs = 50;

    public string Verb => "store";

    public string Description => "resource store: creates/s, get, list with label selectors, watch fan-out";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = StoreBenchOptions.Parse(args);
        var directory = Path.Combine(Path.GetTempPath(), "sharpflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var connection = options.ConnectionString ?? $"Data Source={Path.Combine(directory, "sharpflow.db")}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSharpflowStorage(o =>
        {
            o.Provider = options.Provider;
            o.ConnectionString = connection;
        });
        try
        {
            await using (var provider = services.BuildServiceProvider())
            {
                var store = provider.GetRequiredService<IResourceStore>();
                await store.GetCurrentVersionAsync(cancellationToken);
                Console.WriteLine($"store benchmark · {options.Provider} · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · load average {LoadAverage()} · {RuntimeInformation.OSDescription} · .NET {Environment.Version}");
                await WarmUpAsync(store, cancellationToken);
                var table = new ResultTable();
                await MeasureCreatesAsync(store, options, table, cancellationToken);
                await MeasureGetsAsync(store, options, table, cancellationToken);
                await MeasureListsAsync(store, options, table, cancellationToken);
                await MeasureWatchAsync(store, options, table, cancellationToken);
                table.Print(Console.Out);
                return table.AllMet ? 0 : 1;
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Name(int i) => "obj-" + i.ToString("D6", CultureInfo.InvariantCulture);
}
