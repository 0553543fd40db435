using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Server.Http;

/// <summary>
/// Reads a request body — JSON, or YAML by Content-Type — into one JSON object, answering anything
/// unreadable with a 400 that names the line and column, and an unknown media type with 415.
/// </summary>
internal static class BodyReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<Resource> ReadResourceAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ResourceYaml.ToResource(await ReadObjectAsync(request, cancellationToken));

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = ApiMediaTypes.ContentMediaType(request);
        var yaml = ApiMediaTypes.IsYaml(mediaType);
        if (!yaml && !IsJson(request.ContentType, mediaType))
        {
            throw UnsupportedMediaType(request.ContentType);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ResourceException.BadRequest("the request body is empty: send one object as JSON, or as YAML with Content-Type: application/yaml");
        }

        return yaml ? ResourceYaml.ParseObject(text) : ParseJson(text);
    }

    public static JsonObject ParseJson(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ResourceException.BadRequest(
                $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {Reason(e.Message)}");
        }

        return node as JsonObject
            ?? throw ResourceException.BadRequest($"the request body must be a JSON object, not {Describe(node)}");
    }

    private static bool IsJson(string? contentType, string? mediaType) =>
        contentType is null
        || (mediaType is not null
            && (mediaType.Equals(ApiMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals(ApiMediaTypes.MergePatch, StringComparison.OrdinalIgnoreCase)));

    private static ResourceException UnsupportedMediaType(string? contentType) => new(new ApiStatus
    {
        Code = StatusCodes.Status415UnsupportedMediaType,
        Reason = "UnsupportedMediaType",
        Message = $"the body's Content-Type \"{contentType}\" is not supported: use application/json, application/yaml, or application/merge-patch+json for PATCH",
    });

    /// <summary>System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 5." and a path; the position is reported separately.</summary>
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).Trim();
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => $"the value {node.ToJsonString()}",
    };
}
