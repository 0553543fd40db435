using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sharpflow.Api.Resources;
using Sharpflow.Bench.Reporting;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Store;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.Hosting;

namespace Sharpflow.Bench.Pipelines;

/// <summary>
/// The pipeline engine's overhead over the processes it runs, on a real server (SQLite, local processes):
/// a sequential pipeline of <c>sh -c true</c> steps against spawning the same processes one after another, and a
/// ParallelFor with a parallelism limit against spawning them with the same concurrency, in the same run.
/// </summary>
internal sealed partial class PipelineBenchmark : IBenchmark
{
    private const double StepOverheadTargetMs = 5;
    private const double ParallelForTarget = 200;

    public string Verb => "pipelines";

    public string Description => "pipeline engine: per-step overhead of a sequential pipeline, ParallelFor throughput";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = PipelineBenchOptions.Parse(args);
        var directory = Path.Combine(Path.GetTempPath(), "sharpflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var server = new SharpflowServerOptions { DataDirectory = directory, Port = 0, ConfigureServices = TimeTheRuntime };
        var app = SharpflowHost.Build(server, ["--Logging:LogLevel:Default=Warning"]);
        try
        {
            await app.StartAsync(cancellationToken);
            var bench = new Session(app, cancellationToken);
            const string shell = "sh";
            Console.WriteLine($"pipelines benchmark · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · load average {LoadAverage()} · {RuntimeInformation.OSDescription} · .NET {Environment.Version} · steps run sh -c true in {BenchPipelines.Image}, where sh is the host's {new FileInfo("/bin/sh").LinkTarget ?? "/bin/sh"}");

            // Long enough for tiered compilation to settle on the hot paths (controllers, engine, runtime, store): the
            // figures describe a server that has been up for a while, not its first seconds of JIT-compiling.
            await bench.RunPipelineAsync("warm-up-sequential", BenchPipelines.Sequential(40));
            await bench.RunPipelineAsync("warm-up-parallel-for", BenchPipelines.ParallelFor(300, options.Parallelism));
            var table = new ResultTable();
            await MeasureSequentialAsync(bench, shell, options, table);
            await MeasureParallelForAsync(bench, shell, options, table);
            table.Print(Console.Out);
            return table.AllMet ? 0 : 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task MeasureSequentialAsync(Session bench, string shell, PipelineBenchOptions options, ResultTable table)
    {
        var raw = new Samples();
        for (var i = 0; i < options.Steps; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SpawnAsync(shell, bench.CancellationToken);
            raw.Add(Stopwatch.GetElapsedTime(started));
        }

        var cpu = ProcessCpu();
        var runtime = await bench.RunWorkloadsAsync(shell, options.Steps);
        var runtimeCpu = ProcessCpu() - cpu;
        using var reconciles = new ReconcileMeter();
        cpu = ProcessCpu();
        var inRuntime = bench.Runtime.Elapsed;
        var (executions, wall) = await bench.RunPipelineAsync("sequential", BenchPipelines.Sequential(options.Steps));
        inRuntime = bench.Runtime.Elapsed - inRuntime;
        var pipelineCpu = ProcessCpu() - cpu;
        var starts = executions.Where(e => e.Kind == TaskExecutionKind.Container).OrderBy(e => e.TaskPath, StringComparer.Ordinal)
            .Select(e => e.StartedAt!.Value).ToList();
        var steps = new Samples();
        for (var i = 1; i < starts.Count; i++)
        {
            steps.Add(starts[i] - starts[i - 1]);
        }

        var overhead = steps.Percentile(50) - raw.Percentile(50);
        table.AtMost($"sequential {options.Steps} steps: process spawned directly, median", raw.Percentile(50), "ms", null);
        table.AtMost($"sequential {options.Steps} steps: workload through the local runtime, median", runtime.Percentile(50), "ms", null);
        table.AtMost($"sequential {options.Steps} steps: pipeline step, median (p90 {steps.Percentile(90):0.0} ms)", steps.Percentile(50), "ms", null);
        table.AtMost($"sequential {options.Steps} steps: wall time per step", wall.TotalMilliseconds / options.Steps, "ms", null);
        table.AtMost("sequential: server + supervisor CPU time per workload run directly", runtimeCpu.TotalMilliseconds / options.Steps, "ms", null);
        table.AtMost("sequential: server + supervisor CPU time per pipeline step", pipelineCpu.TotalMilliseconds / options.Steps, "ms", null);
        table.AtMost($"sequential: Run reconciles per step ({reconciles.Count} in all)", reconciles.Count / (double)options.Steps, "", null);
        table.AtMost("sequential: reconcile time per step", reconciles.Seconds * 1000 / options.Steps, "ms", null);
        table.AtMost("sequential: of which waiting in workload runtime calls (launch, status)", inRuntime.TotalMilliseconds / options.Steps, "ms", null);
        table.AtMost("sequential: engine's own time per step (reconcile minus runtime calls)", (reconciles.Seconds * 1000 - inRuntime.TotalMilliseconds) / options.Steps, "ms", StepOverheadTargetMs);
        table.AtMost("engine overhead per step over running the workloads directly (median)", steps.Percentile(50) - runtime.Percentile(50), "ms", null);
        table.AtMost("engine overhead per step over spawning directly (median)", overhead, "ms", StepOverheadTargetMs);
    }

    private static async Task MeasureParallelForAsync(Session bench, string shell, PipelineBenchOptions options, ResultTable table)
    {
        var started = Stopwatch.GetTimestamp();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Parallelism).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= options.Iterations)
            {
                await SpawnAsync(shell, bench.CancellationToken);
            }
        }));
        var rawRate = options.Iterations / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = ProcessCpu();
        var runtimeRate = await bench.RunWorkloadsInParallelAsync(shell, options.Iterations, options.Parallelism);
        var runtimeCpu = ProcessCpu() - cpu;
        cpu = ProcessCpu();

        using var reconciles = new ReconcileMeter();
        var inRuntime = bench.Runtime.Elapsed;
        var (executions, _) = await bench.RunPipelineAsync("parallel-for", BenchPipelines.ParallelFor(options.Iterations, options.Parallelism));
        inRuntime = bench.Runtime.Elapsed - inRuntime;
        var pipelineCpu = ProcessCpu() - cpu;
        var loop = executions.Single(e => e.Kind == TaskExecutionKind.Loop);
        var rate = options.Iterations / (loop.FinishedAt!.Value - loop.StartedAt!.Value).TotalSeconds;
        table.AtLeast($"ParallelFor {options.Iterations} × parallelism {options.Parallelism}: processes spawned directly", rawRate, "tasks/s", null);
        table.AtLeast($"ParallelFor {options.Iterations} × parallelism {options.Parallelism}: workloads through the local runtime", runtimeRate, "tasks/s", null);
        table.AtMost("ParallelFor: server + supervisor CPU time per workload run directly", runtimeCpu.TotalMilliseconds / options.Iterations, "ms", null);
        table.AtMost("ParallelFor: server + supervisor CPU time per pipeline task", pipelineCpu.TotalMilliseconds / options.Iterations, "ms", null);
        table.AtMost($"ParallelFor: Run reconciles per task ({reconciles.Count} in all)", reconciles.Count / (double)options.Iterations, "", null);
        table.AtMost("ParallelFor: reconcile time per task", reconciles.Seconds * 1000 / options.Iterations, "ms", null);
        table.AtMost("ParallelFor: of which waiting in workload runtime calls", inRuntime.TotalMilliseconds / options.Iterations, "ms", null);
        table.AtMost("ParallelFor: engine's own time per task", (reconciles.Seconds * 1000 - inRuntime.TotalMilliseconds) / options.Iterations, "ms", 1000 / ParallelForTarget);
        table.AtLeast($"ParallelFor {options.Iterations} × parallelism {options.Parallelism}: pipeline", rate, "tasks/s", ParallelForTarget);
    }

    private static async Task SpawnAsync(string shell, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(shell) { ArgumentList = { "-c", "true" }, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{shell} did not start");
        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Wraps the server's workload runtime in a <see cref="TimedWorkloadRuntime"/>.</summary>
    private static void TimeTheRuntime(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IWorkloadRuntime));
        services.Remove(registered);
        services.AddSingleton(sp => new TimedWorkloadRuntime(registered.ImplementationFactory is { } factory
            ? (IWorkloadRuntime)factory(sp)
            : (IWorkloadRuntime)(registered.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
        services.AddSingleton<IWorkloadRuntime>(sp => sp.GetRequiredService<TimedWorkloadRuntime>());
    }

    /// <summary>CPU time of this process (the server) and of the workload supervisor it started, which spawns for it.</summary>
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        var total = process.TotalProcessorTime;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && IsOurSupervisor(pid, process.Id))
            {
                using var supervisor = Process.GetProcessById(pid);
                total += supervisor.TotalProcessorTime;
            }
        }

        return total;
    }

    private static bool IsOurSupervisor(int pid, int parent)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains("Sharpflow.Runtime.Local.dll\0supervise", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            return false;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The running server and what the measurements use of it.</summary>
    private sealed class Session(WebApplication app, CancellationToken cancellationToken)
    {
        private readonly IResourceStore _store = app.Services.GetRequiredService<IResourceStore>();
        private readonly IExecutionStore _executions = app.Services.GetRequiredService<IExecutionStore>();
        private readonly IWorkloadRuntime _runtime = app.Services.GetRequiredService<IWorkloadRuntime>();

        public CancellationToken CancellationToken => cancellationToken;

        public TimedWorkloadRuntime Runtime { get; } = app.Services.GetRequiredService<TimedWorkloadRuntime>();

        /// <summary>Runs the pipeline to the end; returns its executions and the time from creation to the final status.</summary>
        public async Task<(IReadOnlyList<TaskExecution> Executions, TimeSpan Wall)> RunPipelineAsync(string name, JsonObject pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            var run = await _store.CreateAsync(
                new Resource
                {
                    ApiVersion = PipelineKinds.Run.ApiVersion,
                    Kind = PipelineKinds.Run.Kind,
                    Metadata = new ObjectMeta { Name = name, Namespace = "default" },
                    Spec = new JsonObject { ["pipelineSpec"] = pipeline },
                },
                cancellationToken);
            var key = ResourceKey.Of(run);
            while (true)
            {
                run = await _store.GetAsync(key, cancellationToken) ?? throw new InvalidOperationException($"run {name} vanished");
                var state = run.GetStatus<RunStatus>()?.State;
                if (RunStates.IsFinal(state))
                {
                    var wall = Stopwatch.GetElapsedTime(started);
                    return state == RunStates.Succeeded
                        ? (await _executions.ListByRunAsync(run.Metadata.Uid!, cancellationToken), wall)
                        : throw new InvalidOperationException($"run {name} ended {state}: {run.GetStatus<RunStatus>()?.Error?.Message}");
                }

                await Task.Delay(20, cancellationToken);
            }
        }

        /// <summary>Runs the command as <paramref name="count"/> workloads, <paramref name="parallelism"/> at a time; returns workloads per second.</summary>
        public async Task<double> RunWorkloadsInParallelAsync(string shell, int count, int parallelism)
        {
            var started = Stopwatch.GetTimestamp();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i <= count; i = Interlocked.Increment(ref next))
                {
                    var id = $"bench-parallel-{i}";
                    var status = await _runtime.StartAsync(new WorkloadSpec { Id = id, Image = BenchPipelines.Image, Command = [shell, "-c", "true"] }, cancellationToken);
                    while (!status.IsFinished)
                    {
                        await Task.Delay(1, cancellationToken);
                        status = await _runtime.GetAsync(id, cancellationToken) ?? status;
                    }
                }
            }));
            return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        /// <summary>Runs the same command as workloads one after another, each started when the previous ended.</summary>
        public async Task<Samples> RunWorkloadsAsync(string shell, int count)
        {
            var samples = new Samples();
            var finished = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watch = Task.Run(async () =>
            {
                try
                {
                    await foreach (var status in _runtime.WatchAsync(watching.Token))
                    {
                        if (status.IsFinished)
                        {
                            finished.GetOrAdd(status.Id, _ => new TaskCompletionSource()).TrySetResult();
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
            for (var i = 0; i < count; i++)
            {
                var id = $"bench-direct-{i}";
                var started = Stopwatch.GetTimestamp();
                await _runtime.StartAsync(new WorkloadSpec { Id = id, Image = BenchPipelines.Image, Command = [shell, "-c", "true"] }, cancellationToken);
                await finished.GetOrAdd(id, _ => new TaskCompletionSource()).Task.WaitAsync(cancellationToken);
                samples.Add(Stopwatch.GetElapsedTime(started));
            }

            await watching.CancelAsync();
            await watch;
            return samples;
        }
    }
}
