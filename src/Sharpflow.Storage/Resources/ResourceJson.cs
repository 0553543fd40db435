using System.Text.Json;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Storage.Resources;

/// <summary>The stored form of an object: its full JSON, resourceVersion included.</summary>
internal static class ResourceJson
{
    private const int ParallelThreshold = 512;

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, ApiJsonContext.Default.Resource);

    /// <summary>Large pages are parsed on several cores: parsing, not the query, dominates a big list.</summary>
    public static List<Resource> DeserializeAll(IReadOnlyList<string> bodies)
    {
        if (bodies.Count < ParallelThreshold)
        {
            return bodies.Select(Deserialize).ToList();
        }

        var items = new Resource[bodies.Count];
        Parallel.For(0, bodies.Count, i => items[i] = Deserialize(bodies[i]));
        return [.. items];
    }

    public static Resource Deserialize(string body) =>
        JsonSerializer.Deserialize(body, ApiJsonContext.Default.Resource)
        ?? throw new InvalidDataException("A stored resource body is empty.");
}
