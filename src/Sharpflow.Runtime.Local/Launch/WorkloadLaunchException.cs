namespace Sharpflow.Runtime.Local.Launch;

/// <summary>A workload cannot start for a reason its spec or the node settings explain; the message is shown to the user.</summary>
internal sealed class WorkloadLaunchException : Exception
{
    public WorkloadLaunchException(string message)
        : base(message)
    {
    }

    public WorkloadLaunchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
