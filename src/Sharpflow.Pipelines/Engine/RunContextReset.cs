using Sharpflow.Core.Controllers;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// Forgets every in-memory run when this replica starts a term of running controllers: another replica may have
/// advanced the runs while this one stood by, so their trees are rebuilt from the execution store.
/// </summary>
internal sealed class RunContextReset(RunContextCache contexts) : IReconcileSource
{
    public async Task RunAsync(IControllerTrigger trigger, CancellationToken cancellationToken)
    {
        contexts.Clear();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
