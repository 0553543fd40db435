namespace Sharpflow.Storage.Data;

/// <summary>The current state of one object; <see cref="Body"/> is its full JSON including resourceVersion.</summary>
internal sealed class ResourceRow
{
    public long Id { get; set; }

    public required string Group { get; set; }

    public required string Kind { get; set; }

    /// <summary>Empty for cluster-scoped objects, so that the unique key covers them too.</summary>
    public required string Namespace { get; set; }

    public required string Name { get; set; }

    public required string Uid { get; set; }

    public long ResourceVersion { get; set; }

    public required string Body { get; set; }

    public List<LabelRow> Labels { get; set; } = [];

    public List<OwnerRow> Owners { get; set; } = [];
}
