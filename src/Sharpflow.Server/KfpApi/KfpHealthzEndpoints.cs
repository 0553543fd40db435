using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sharpflow.Core.Authorization;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi;

/// <summary><c>GET /apis/v2beta1/healthz</c>: <c>{commit_sha, tag_name, multi_user, pipeline_store}</c>, which kfp.Client asks for first.</summary>
internal static class KfpHealthzEndpoints
{
    public static RouteGroupBuilder MapKfpHealthz(this RouteGroupBuilder api)
    {
        api.MapGet("/healthz", (IAuthorizer authorizer) => KfpJson.Result(Healthz(authorizer))).WithName("KfpHealthz");
        return api;
    }

    private static JsonObject Healthz(IAuthorizer authorizer)
    {
        var version = typeof(KfpHealthzEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty;
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var json = new JsonObject();
        KfpJson.Put(json, "commit_sha", plus < 0 ? null : version[(plus + 1)..]);
        KfpJson.Put(json, "tag_name", plus < 0 ? version : version[..plus]);
        KfpJson.Put(json, "multi_user", authorizer is not SingleUserAuthorizer);
        json["pipeline_store"] = "database";
        return json;
    }
}
