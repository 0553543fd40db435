using System.Threading.Channels;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// The queue between watch events and reconcile workers, with client-go's workqueue semantics: a key
/// added while it waits is queued once; a key added while it is being processed is queued again when
/// <see cref="Done"/> is called, so two workers never hold the same key; delayed adds keep the earliest
/// due time; failures back off exponentially per key until <see cref="Forget"/>.
/// </summary>
internal sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    // Invariant: every key in the channel is in _dirty and not in _processing, and appears there once.
    private readonly Channel<T> _ready = Channel.CreateUnbounded<T>();
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly Dictionary<T, DelayedAdd> _waiting = [];
    private readonly Dictionary<T, int> _failures = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ExponentialBackoff _backoff;
    private bool _shutDown;

    public WorkQueue(TimeProvider time, ExponentialBackoff backoff)
    {
        _time = time;
        _backoff = backoff;
    }

    /// <summary>Keys queued and not yet handed to a worker.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Count(key => !_processing.Contains(key));
            }
        }
    }

    public void Add(T key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _ready.Writer.TryWrite(key);
        }
    }

    /// <summary>Waits for the next key and marks it as being processed. Throws once the queue is shut down.</summary>
    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var key = await _ready.Reader.ReadAsync(cancellationToken);
        lock (_gate)
        {
            _dirty.Remove(key);
            _processing.Add(key);
        }

        return key;
    }

    /// <summary>Ends processing of a key; if it was added meanwhile, it is queued again now.</summary>
    public void Done(T key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (!_shutDown && _dirty.Contains(key))
            {
                _ready.Writer.TryWrite(key);
            }
        }
    }

    public void AddAfter(T key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            var due = _time.GetUtcNow() + delay;
            if (_shutDown || (_waiting.TryGetValue(key, out var existing) && existing.Due <= due))
            {
                return;
            }

            existing?.Timer.Dispose();
            // Registered before the timer exists: a callback that fires at once waits on the gate and finds it.
            var add = new DelayedAdd(due);
            _waiting[key] = add;
            add.Timer = _time.CreateTimer(_ => Fire(key, add), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Adds the key after its next backoff delay (it grows with each call until <see cref="Forget"/>).</summary>
    public TimeSpan AddRateLimited(T key)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
            delay = _backoff.Delay(failures);
        }

        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Resets the key's backoff, after a successful reconcile.</summary>
    public void Forget(T key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    public int Failures(T key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Stops accepting keys; workers waiting in <see cref="GetAsync"/> get a closed-channel exception.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            _shutDown = true;
            foreach (var waiting in _waiting.Values)
            {
                waiting.Timer.Dispose();
            }

            _waiting.Clear();
            _ready.Writer.TryComplete();
        }
    }

    public void Dispose() => ShutDown();

    private void Fire(T key, DelayedAdd add)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var current) || !ReferenceEquals(current, add))
            {
                return;
            }

            _waiting.Remove(key);
            add.Timer.Dispose();
        }

        Add(key);
    }

    private sealed class DelayedAdd(DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }
}
