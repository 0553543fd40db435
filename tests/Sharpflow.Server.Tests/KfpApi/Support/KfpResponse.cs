using System.Net;
using System.Text.Json.Nodes;

namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>A KFP API response as a client sees it: status code and body.</summary>
public sealed record KfpResponse(HttpStatusCode Code, string Body, string? ContentType)
{
    public JsonObject Json() => JsonNode.Parse(Body)!.AsObject();

    /// <summary>Asserts a 200 and returns the JSON body.</summary>
    public JsonObject Ok()
    {
        Assert.True(Code == HttpStatusCode.OK, $"expected 200 but got {this}");
        return Json();
    }

    /// <summary>Asserts the HTTP status and a google.rpc.Status body with that code; returns the body.</summary>
    public JsonObject ShouldFailWith(int httpStatus, int rpcCode)
    {
        Assert.True((int)Code == httpStatus, $"expected {httpStatus} but got {this}");
        Assert.StartsWith("application/json", ContentType, StringComparison.Ordinal);
        var status = Json();
        Assert.Equal(rpcCode, status["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(status["message"]!.GetValue<string>()), Body);
        Assert.IsType<JsonArray>(status["details"]);
        Assert.False(status.ContainsKey("kind"), "a KFP error is a google.rpc.Status, not a Kubernetes Status");
        return status;
    }

    public string Message => Json()["message"]!.GetValue<string>();

    public override string ToString() => $"{(int)Code} {ContentType}: {(Body.Length > 2000 ? Body[..2000] + "..." : Body)}";
}
