namespace Sharpflow.Pipelines.Ir;

/// <summary>Shared empty maps for absent protobuf map fields.</summary>
internal static class EmptyMap<T>
{
    public static readonly IReadOnlyDictionary<string, T> Instance = new Dictionary<string, T>();
}
