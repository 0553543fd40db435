namespace Sharpflow.Client;

/// <summary>One entry of <c>GET /sharpflow/v1/kinds</c>.</summary>
public sealed record KindInfo
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    public required string Plural { get; init; }

    public bool Namespaced { get; init; } = true;

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The collection URL path for a namespace (null: all namespaces, or a cluster-scoped kind).</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}"
            : $"{root}/{Plural}";
    }

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
