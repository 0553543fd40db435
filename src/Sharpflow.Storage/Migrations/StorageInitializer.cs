namespace Sharpflow.Storage.Migrations;

/// <summary>
/// Brings the schema up to date once per process. Every store awaits it before its first query, and
/// the hosted <see cref="StorageStartup"/> runs it at start so that a bad connection string fails fast.
/// A failed attempt is retried by the next caller.
/// </summary>
internal sealed class StorageInitializer(MigrationRunner runner)
{
    private readonly Lock _lock = new();
    private Task? _initialization;

    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var task = _initialization;
        if (task is not { IsCompletedSuccessfully: true })
        {
            lock (_lock)
            {
                if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
                {
                    _initialization = runner.RunAsync(CancellationToken.None);
                }

                task = _initialization;
            }
        }

        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }
}
