using System.Text.Json;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Storage.Resources;

/// <summary>The stored form of an object: its full JSON, resourceVersion included.</summary>
internal static class ResourceJson
{
    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, ApiJsonContext.Default.Resource);

    public static Resource Deserialize(string body) =>
        JsonSerializer.Deserialize(body, ApiJsonContext.Default.Resource)
        ?? throw new InvalidDataException("A stored resource body is empty.");
}
