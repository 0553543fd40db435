using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>
/// The opaque <c>page_token</c>: base64url JSON of where the next page starts (the sort value and id of the last item
/// returned), with the list, the order and the filter it belongs to, so the next request needs only the token.
/// </summary>
internal sealed record KfpPageToken(string Resource, KfpSort Sort, string? Filter, KfpValue After, string AfterId)
{
    private const string Parameter = "page_token";

    public string Encode()
    {
        var body = new JsonObject
        {
            ["r"] = Resource,
            ["k"] = Sort.Key,
            ["d"] = Sort.Descending,
            ["t"] = After.Text,
            ["n"] = After.Number,
            ["i"] = AfterId,
        };
        if (Filter is not null)
        {
            body["f"] = Filter;
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    public static KfpPageToken Decode<T>(string token, KfpListFields<T> fields)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token))) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw Invalid();
        }

        if (body is null
            || body["r"]?.GetValueKind() != JsonValueKind.String || body["r"]!.GetValue<string>() != fields.Resource
            || body["k"]?.GetValueKind() != JsonValueKind.String || !fields.TryGet(body["k"]!.GetValue<string>(), out var key, out var field)
            || body["d"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
            || body["t"]?.GetValueKind() != JsonValueKind.String
            || body["n"]?.GetValueKind() != JsonValueKind.Number || !body["n"]!.AsValue().TryGetValue<long>(out var number)
            || body["i"]?.GetValueKind() != JsonValueKind.String
            || (body["f"] is { } filter && filter.GetValueKind() != JsonValueKind.String))
        {
            throw Invalid();
        }

        return new KfpPageToken(
            fields.Resource,
            new KfpSort(key, body["d"]!.GetValue<bool>()),
            body["f"]?.GetValue<string>(),
            new KfpValue(field.Kind, body["t"]!.GetValue<string>(), number),
            body["i"]!.GetValue<string>());
    }

    private static Sharpflow.Api.Errors.ResourceException Invalid() => KfpErrors.InvalidArgument(
        Parameter, "is not a token this list returned: pass next_page_token from the previous page unchanged, or leave it out for the first page");
}
