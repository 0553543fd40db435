using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Admission;
using Sharpflow.Runtime.Local.Launch;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local;

/// <summary>
/// Runs workloads as host processes, each in its own session and process group, with state, logs and exit code
/// kept on disk under <c>&lt;DataDirectory&gt;/workloads/&lt;id&gt;/</c>. Disposing the runtime does not stop
/// workloads: they keep running and writing their logs, and the next runtime over the same data directory
/// re-adopts them, or records how they ended. One runtime at a time may use a data directory.
/// </summary>
internal sealed partial class LocalProcessRuntime : IWorkloadRuntime, IAsyncDisposable, IDisposable
{
    private readonly LocalRuntimeOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LocalProcessRuntime> _logger;
    private readonly string _root;
    private readonly Lock _gate = new();
    // Changed under _gate only; concurrent so that GetAsync can read it without taking the lock.
    private readonly ConcurrentDictionary<string, WorkloadEntry> _entries = new(StringComparer.Ordinal);
    private readonly AdmissionQueue _queue = new();
    private readonly HashSet<WorkloadEntry> _unsaved = [];
    private readonly NodeLedger _ledger;
    private readonly PortAllocator _ports = new();
    private readonly StatusBroadcaster _broadcaster = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly int? _ownProcessGroup = ProcFs.TryRead(Environment.ProcessId)?.ProcessGroupId;
    private long _nextSequence;
    private Task? _initialization;
    private Task? _monitor;
    private FileStream? _lockFile;
    private bool _disposed;

    public LocalProcessRuntime(IOptions<LocalRuntimeOptions> options, TimeProvider timeProvider, ILogger<LocalProcessRuntime> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _root = Path.Combine(Path.GetFullPath(_options.DataDirectory!), "workloads");
        _ledger = new NodeLedger(new Capacity(_options.CpuMillis, _options.MemoryBytes, _options.Gpus));
    }

    /// <summary>Loads the workloads on disk and starts watching them; later calls wait for the first. Every method calls it.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => EnsureInitializedAsync(cancellationToken);

    /// <summary>Reads the latest published status without the runtime's lock: callers poll it often.</summary>
    public async Task<WorkloadStatus?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        return _entries.TryGetValue(id, out var entry) ? entry.Status : null;
    }

    public async Task<IReadOnlyList<WorkloadStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        lock (_gate)
        {
            return [.. _entries.Values.OrderBy(entry => entry.State.Sequence).Select(entry => entry.Status)];
        }
    }

    /// <summary>Subscribes on the first MoveNextAsync, before anything is awaited, so no change after that call is missed.</summary>
    public async IAsyncEnumerable<WorkloadStatus> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _broadcaster.Subscribe();
        try
        {
            await EnsureInitializedAsync(cancellationToken);
            await foreach (var status in reader.ReadAllAsync(cancellationToken))
            {
                yield return status;
            }
        }
        finally
        {
            _broadcaster.Unsubscribe(reader);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? initialization;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            initialization = _initialization;
        }

        await _stopping.CancelAsync();
        if (initialization is not null)
        {
            await initialization.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_monitor is not null)
        {
            await _monitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.Run(StopLaunchersAsync, CancellationToken.None);

        // Every change is on disk before the next runtime over this directory can look, even one a callback still writes.
        foreach (var entry in _entries.Values)
        {
            Save(entry);
        }

        _broadcaster.Complete();
        _lockFile?.Dispose();
        _stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        // The common case, without the lock: initialized and not disposed.
        if (Volatile.Read(ref _initialization) is { IsCompletedSuccessfully: true } && !Volatile.Read(ref _disposed))
        {
            return Task.CompletedTask;
        }

        return WaitForInitializationAsync(cancellationToken);
    }

    private async Task WaitForInitializationAsync(CancellationToken cancellationToken)
    {
        Task initialization;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            initialization = _initialization ??= Task.Run(Initialize, CancellationToken.None);
        }

        await initialization.WaitAsync(cancellationToken);
    }
}
