namespace Sharpflow.Storage.Data;

/// <summary>
/// One entry of the change log, written in the same transaction as the change. Its
/// <see cref="Version"/> is the object's new resourceVersion; watches replay the log in version order.
/// </summary>
internal sealed class ChangeRow
{
    public long Version { get; set; }

    public ChangeType Type { get; set; }

    public required string Group { get; set; }

    public required string Kind { get; set; }

    public required string Namespace { get; set; }

    public required string Name { get; set; }

    /// <summary>Unix milliseconds, for age-based compaction.</summary>
    public long CreatedAt { get; set; }

    public required string Body { get; set; }

    /// <summary>
    /// For a MODIFIED change that changed the labels: the labels before it, as a JSON object ({} for none). Null when
    /// the labels stayed the same, and for other changes.
    /// </summary>
    public string? PreviousLabels { get; set; }
}
