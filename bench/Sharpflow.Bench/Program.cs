using Sharpflow.Bench;
using Sharpflow.Bench.Pipelines;
using Sharpflow.Bench.Store;

// One verb per benchmark: `dotnet run -c Release --project bench/Sharpflow.Bench -- <verb> [options]`.
IBenchmark[] benchmarks = [new StoreBenchmark(), new PipelineBenchmark()];

var verb = args.Length > 0 ? args[0] : null;
var benchmark = benchmarks.FirstOrDefault(b => b.Verb == verb);
if (benchmark is null)
{
    await Console.Error.WriteLineAsync("usage: Sharpflow.Bench <verb> [options]");
    foreach (var b in benchmarks)
    {
        await Console.Error.WriteLineAsync($"  {b.Verb,-10} {b.Description}");
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await benchmark.RunAsync(args[1..], cancel.Token);
