namespace Sharpflow.Storage.Resources;

/// <summary>Wakes this process's watchers as soon as a change is committed, instead of waiting for their next poll.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>. Take it before reading, so that no pulse is missed.</summary>
    public Task NextAsync => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
