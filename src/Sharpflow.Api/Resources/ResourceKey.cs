namespace Sharpflow.Api.Resources;

/// <summary>Identifies one object: group and kind (the version is only a representation) plus namespace and name.</summary>
public readonly record struct ResourceKey(string Group, string Kind, string? Namespace, string Name)
{
    public static ResourceKey Of(Resource resource) => new(
        resource.Group,
        resource.Kind,
        resource.Metadata.Namespace,
        resource.Metadata.Name ?? throw new ArgumentException("The resource has no metadata.name.", nameof(resource)));

    public override string ToString() =>
        $"{(Group.Length == 0 ? Kind : $"{Kind}.{Group}")} {(Namespace is null ? Name : $"{Namespace}/{Name}")}";
}
