namespace Sharpflow.Storage.Data;

internal sealed class EventRow
{
    public long Id { get; set; }

    /// <summary>Hash of object, type, reason and message: identical events fold into the row with this key.</summary>
    public required string FoldKey { get; set; }

    public required string ApiVersion { get; set; }

    public required string Kind { get; set; }

    public required string Namespace { get; set; }

    public required string Name { get; set; }

    public string? Uid { get; set; }

    public required string Type { get; set; }

    public required string Reason { get; set; }

    public required string Message { get; set; }

    public string? Source { get; set; }

    public int Count { get; set; }

    public long FirstAt { get; set; }

    public long LastAt { get; set; }
}
