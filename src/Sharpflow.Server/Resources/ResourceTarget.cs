using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;

namespace Sharpflow.Server.Resources;

/// <summary>What a resource URL addresses: a kind's collection (in one namespace or all), one object, or its status.</summary>
internal sealed record ResourceTarget(ResourceKind Kind, string? Namespace, string? Name, string? Subresource)
{
    public const string StatusSubresource = "status";

    public bool IsCollection => Name is null;

    public bool IsStatus => Subresource == StatusSubresource;

    public ResourceKey Key => new(Kind.Group, Kind.Kind, Namespace, Name ?? throw new InvalidOperationException("A collection has no key."));

    public string Describe() =>
        $"{Kind.Plural}{(Kind.Group.Length == 0 ? string.Empty : "." + Kind.Group)}{(Name is null ? string.Empty : $" \"{Name}\"")}{(Namespace is null ? string.Empty : $" in namespace \"{Namespace}\"")}";
}
