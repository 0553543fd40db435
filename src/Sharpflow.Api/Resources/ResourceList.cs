namespace Sharpflow.Api.Resources;

/// <summary>A page of a list, as <c>{kind}List</c>; <c>continue</c> is set when more items follow.</summary>
public sealed record ResourceList
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "List";

    public ListMeta Metadata { get; init; } = new();

    public IReadOnlyList<Resource> Items { get; init; } = [];
}
