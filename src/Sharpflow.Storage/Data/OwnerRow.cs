namespace Sharpflow.Storage.Data;

/// <summary>An owner reference of one object, indexed by owner uid for cascading deletes.</summary>
internal sealed class OwnerRow
{
    public long ResourceId { get; set; }

    public required string OwnerUid { get; set; }
}
