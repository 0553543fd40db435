using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary>A response as the tests look at it: code, body text and its parsed forms.</summary>
public sealed record ApiResponse(HttpStatusCode Code, string Body, string? ContentType)
{
    public JsonObject Json() => JsonNode.Parse(Body)!.AsObject();

    public Resource Resource() => JsonSerializer.Deserialize(Body, ApiJsonContext.Default.Resource)!;

    public ResourceList List() => JsonSerializer.Deserialize(Body, ApiJsonContext.Default.ResourceList)!;

    public ApiStatus Status() => JsonSerializer.Deserialize(Body, ApiJsonContext.Default.ApiStatus)!;

    public override string ToString() => $"{(int)Code} {ContentType}: {Body}";
}
