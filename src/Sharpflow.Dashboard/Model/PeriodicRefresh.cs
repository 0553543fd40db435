namespace Sharpflow.Dashboard.Model;

/// <summary>
/// Runs a page's reload every few seconds while the page is open, for data that has no watch (events) or
/// that a page shows a single object of. Disposing stops it; a reload in flight is cancelled.
/// </summary>
internal sealed class PeriodicRefresh(TimeProvider time, TimeSpan interval) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>Cancelled when the page closes.</summary>
    public CancellationToken Token => _stopping.Token;

    public void Start(Func<CancellationToken, Task> reload) => _loop ??= RunAsync(reload, _stopping.Token);

    private async Task RunAsync(Func<CancellationToken, Task> reload, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await reload(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed.
        }
    }

    public void Dispose()
    {
        // Not disposing the source: a reload already running may still read its token.
        _stopping.Cancel();
    }
}
