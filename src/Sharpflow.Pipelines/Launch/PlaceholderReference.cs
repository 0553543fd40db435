namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// One recognized <c>{{$...}}</c> in a string. For artifacts, <see cref="Attribute"/> is <c>uri</c>,
/// <c>path</c>, <c>name</c>, <c>metadata</c> (with an optional <see cref="MetadataKey"/>), or null for the whole list.
/// </summary>
internal sealed record PlaceholderReference(PlaceholderKind Kind, int Start, int Length, string? Name = null, string? Attribute = null, string? MetadataKey = null);
