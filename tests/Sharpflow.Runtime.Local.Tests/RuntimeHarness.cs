using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

/// <summary>A runtime over a temporary data directory that can be "restarted" (disposed and built again over the same directory).</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Action<LocalRuntimeOptions>? _configure;

    public RuntimeHarness(Action<LocalRuntimeOptions>? configure = null)
    {
        _configure = configure;
        DataDirectory = Directory.CreateTempSubdirectory("sharpflow-local-").FullName;
        Runtime = Create();
    }

    public string DataDirectory { get; }

    public LocalProcessRuntime Runtime { get; private set; }

    public string WorkloadDirectory(string id) => Path.Combine(DataDirectory, "workloads", id);

    public string WorkDirectory(string id) => Path.Combine(WorkloadDirectory(id), "work");

    /// <summary>A command that waits until the file "go" appears in its working directory, then runs <paramref name="then"/>.</summary>
    public static WorkloadSpec WaitForGo(string id, string then = "exit 0", ResourceRequests? resources = null) => new()
    {
        Id = id,
        Command = ["/bin/sh", "-c", $"echo waiting; while [ ! -e go ]; do sleep 0.02; done; {then}"],
        Resources = resources ?? new ResourceRequests(),
    };

    public static WorkloadSpec Shell(string id, string script) => new() { Id = id, Command = ["/bin/sh", "-c", script] };

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>The workload's process group, once its start is recorded in state.json (a moment after the process runs).</summary>
    public async Task<int> ProcessGroupAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var path = Path.Combine(WorkloadDirectory(id), "state.json");
        while (true)
        {
            using (var state = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, timeout.Token)))
            {
                if (state.RootElement.TryGetProperty("processGroupId", out var group))
                {
                    return group.GetInt32();
                }
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public void Go(string id) => File.WriteAllText(Path.Combine(WorkDirectory(id), "go"), string.Empty);

    public async Task RestartAsync()
    {
        await Runtime.DisposeAsync();
        Runtime = Create();
        await Runtime.InitializeAsync();
    }

    public async Task<WorkloadStatus> WaitForAsync(string id, Func<WorkloadStatus, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        WorkloadStatus? status = null;
        while (!timeout.IsCancellationRequested)
        {
            status = await Runtime.GetAsync(id);
            if (status is not null && condition(status))
            {
                return status;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException($"Workload {id} did not reach the expected state within {Timeout}; last status: {status}");
    }

    public Task<WorkloadStatus> WaitForFinishAsync(string id) => WaitForAsync(id, status => status.IsFinished);

    public Task<WorkloadStatus> WaitForRunningAsync(string id) => WaitForAsync(id, status => status.Phase == WorkloadPhase.Running);

    public async Task<List<string>> ReadLogAsync(string id, LogOptions? options = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var lines = new List<string>();
        await foreach (var line in Runtime.ReadLogAsync(id, options ?? new LogOptions(), timeout.Token))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Waits until the log holds a line equal to <paramref name="line"/>.</summary>
    public async Task WaitForLogLineAsync(string id, string line)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await foreach (var read in Runtime.ReadLogAsync(id, new LogOptions { Follow = true }, timeout.Token))
        {
            if (read == line)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Workload {id} ended without writing \"{line}\".");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var status in await Runtime.ListAsync())
            {
                if (!status.IsFinished)
                {
                    await Runtime.StopAsync(status.Id, TimeSpan.Zero);
                }
            }
        }
        finally
        {
            await Runtime.DisposeAsync();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private LocalProcessRuntime Create()
    {
        var options = new LocalRuntimeOptions
        {
            DataDirectory = DataDirectory,
            CpuMillis = 4000,
            MemoryBytes = 8L << 30,
            MonitorInterval = TimeSpan.FromMilliseconds(50),
            DefaultGracePeriod = TimeSpan.FromSeconds(2),
        };
        _configure?.Invoke(options);
        return new LocalProcessRuntime(Options.Create(options), TimeProvider.System, NullLogger<LocalProcessRuntime>.Instance);
    }
}
