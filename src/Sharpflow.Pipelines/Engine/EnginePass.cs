namespace Sharpflow.Pipelines.Engine;

/// <summary>What one engine pass learned beyond the tree itself: when it must look again without an outside event.</summary>
internal sealed class EnginePass
{
    public DateTimeOffset? WakeAt { get; private set; }

    public void Wake(DateTimeOffset at)
    {
        if (WakeAt is null || at < WakeAt)
        {
            WakeAt = at;
        }
    }
}
