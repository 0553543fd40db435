namespace Sharpflow.Core.Workloads;

/// <summary>Labels every controller puts on the workloads it starts, so logs and clean-up can find them by owner.</summary>
public static class WorkloadLabels
{
    public const string Namespace = "sharpflow.io/namespace";
    public const string OwnerKind = "sharpflow.io/owner-kind";
    public const string OwnerName = "sharpflow.io/owner-name";
    public const string OwnerUid = "sharpflow.io/owner-uid";
}
