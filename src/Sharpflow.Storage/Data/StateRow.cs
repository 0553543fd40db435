namespace Sharpflow.Storage.Data;

/// <summary>A named counter: the store version (last allocated resourceVersion) and the compacted-through version.</summary>
internal sealed class StateRow
{
    public const string Version = "version";
    public const string Compacted = "compacted";

    public required string Name { get; set; }

    public long Value { get; set; }
}
