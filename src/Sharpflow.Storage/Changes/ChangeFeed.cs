using Microsoft.EntityFrameworkCore;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Resources;

namespace Sharpflow.Storage.Changes;

/// <summary>
/// The newest part of the change log, kept in memory and shared by every watch of this process, so
/// that N watchers cost one log query per round instead of N. Watchers further behind than the feed
/// reaches read the log directly.
/// </summary>
internal sealed class ChangeFeed(IDbContextFactory<StorageDbContext> contexts) : IDisposable
{
    public const int BatchSize = 500;
    private const int Capacity = 8_192;

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<ChangeRow> _recent = [];
    private long _requests;
    private long _completedRequest;

    // The feed holds every change with _from < version <= _through, oldest first; -1 until first read.
    private long _from = -1;
    private long _through = -1;

    /// <summary>
    /// Brings the feed up to the store's current version. A call is satisfied by a refresh that
    /// began after it was made, so concurrent callers share one query without missing a commit.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var request = Interlocked.Increment(ref _requests);
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _completedRequest) >= request)
            {
                return;
            }

            var covers = Volatile.Read(ref _requests);
            await ReadNewChangesAsync(cancellationToken);
            Volatile.Write(ref _completedRequest, covers);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// The changes after <paramref name="after"/> (at most <see cref="BatchSize"/>) and the version the
    /// reader has then seen everything through; null when <paramref name="after"/> is older than the feed.
    /// </summary>
    public (List<ChangeRow> Rows, long UpTo, bool More)? Read(long after)
    {
        lock (_lock)
        {
            if (_from < 0 || after < _from)
            {
                return null;
            }

            var start = FirstAfter(after);
            var count = Math.Min(_recent.Count - start, BatchSize);
            var rows = _recent.GetRange(start, count);
            var more = start + count < _recent.Count;
            return (rows, more ? rows[^1].Version : Math.Max(after, _through), more);
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    private async Task ReadNewChangesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (version, compacted) = await EfResourceStore.ReadStateAsync(db, cancellationToken);
        long through;
        lock (_lock)
        {
            if (_from < 0 || compacted > _through)
            {
                // First use, or the log was compacted past what the feed read: start over from now.
                _recent.Clear();
                _from = _through = version;
                return;
            }

            through = _through;
        }

        while (through < version)
        {
            var after = through;
            var rows = await db.Changes
                .Where(c => c.Version > after && c.Version <= version)
                .OrderBy(c => c.Version)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            through = rows.Count == BatchSize ? rows[^1].Version : version;
            lock (_lock)
            {
                _recent.AddRange(rows);
                _through = through;
                if (_recent.Count > Capacity)
                {
                    var drop = _recent.Count - Capacity;
                    _from = _recent[drop - 1].Version;
                    _recent.RemoveRange(0, drop);
                }
            }
        }
    }

    private int FirstAfter(long version)
    {
        int low = 0, high = _recent.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_recent[mid].Version <= version)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
