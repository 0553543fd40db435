using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Sharpflow.Api.Errors;
using Sharpflow.Core.Store;

namespace Sharpflow.Server.Http;

/// <summary>
/// Reads delete options from <c>?propagationPolicy=</c> or from a Kubernetes DeleteOptions body
/// (<c>propagationPolicy</c>, <c>preconditions.resourceVersion</c>).
/// </summary>
internal static class DeleteOptionsReader
{
    private static readonly string[] Policies = ["Background", "Orphan"];

    public static async Task<DeleteOptions> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var policy = QueryValues.String(request, "propagationPolicy");
        string? resourceVersion = null;
        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var body = await BodyReader.ReadObjectAsync(request, cancellationToken);
            policy ??= Text(body["propagationPolicy"], "propagationPolicy");
            resourceVersion = Text((body["preconditions"] as JsonObject)?["resourceVersion"], "preconditions.resourceVersion");
        }

        policy ??= Policies[0];
        var known = Policies.FirstOrDefault(p => p.Equals(policy, StringComparison.OrdinalIgnoreCase))
            ?? throw ResourceException.BadRequest(
                $"propagationPolicy \"{policy}\" is not supported: use {string.Join(" or ", Policies)}", "propagationPolicy");
        return new DeleteOptions { PropagationPolicy = known, ResourceVersion = resourceVersion };
    }

    private static string? Text(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw ResourceException.BadRequest($"{field} must be a string", field),
    };
}
