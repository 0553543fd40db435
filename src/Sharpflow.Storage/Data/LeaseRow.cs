namespace Sharpflow.Storage.Data;

internal sealed class LeaseRow
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public long AcquiredAt { get; set; }

    public long RenewedAt { get; set; }

    public long ExpiresAt { get; set; }
}
