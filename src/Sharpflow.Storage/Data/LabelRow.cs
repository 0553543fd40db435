namespace Sharpflow.Storage.Data;

/// <summary>One label of one object, indexed so that label selectors are answered by the database.</summary>
internal sealed class LabelRow
{
    public long ResourceId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
