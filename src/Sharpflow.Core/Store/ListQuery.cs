namespace Sharpflow.Core.Store;

/// <summary>
/// Which objects of one kind to list. <see cref="LabelSelector"/> and <see cref="FieldSelector"/>
/// use Kubernetes syntax ("app=web,tier!=db,env in (a,b),!legacy"; "metadata.name=x,metadata.namespace!=y").
/// </summary>
public sealed record ListQuery
{
    public required string Group { get; init; }

    public required string Kind { get; init; }

    /// <summary>Null lists all namespaces.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; null or 0 for everything.</summary>
    public int? Limit { get; init; }

    /// <summary>The token from the previous page's metadata.continue.</summary>
    public string? Continue { get; init; }
}
