namespace Sharpflow.Storage.Resources;

/// <summary>
/// Lets one write transaction of this process run at a time. Writers are serialized by the database
/// anyway (SQLite's single writer, the version counter's row lock on PostgreSQL); queueing them here
/// avoids busy-retry loops and keeps connections free for readers.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    internal readonly struct Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
