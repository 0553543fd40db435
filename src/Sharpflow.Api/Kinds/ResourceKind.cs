namespace Sharpflow.Api.Kinds;

/// <summary>What the platform knows about one kind: its API coordinates, names and typed spec/status.</summary>
public sealed record ResourceKind
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    /// <summary>Lower-case plural used in URLs, e.g. "pytorchjobs".</summary>
    public required string Plural { get; init; }

    public bool Namespaced { get; init; } = true;

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Whether <c>status</c> is a subresource: writes to the main resource ignore it.</summary>
    public bool HasStatusSubresource { get; init; } = true;

    public Type? SpecType { get; init; }

    public Type? StatusType { get; init; }

    public string ApiVersion => Resources.ApiVersions.Join(Group, Version);

    public string Singular => Kind.ToLowerInvariant();
}
