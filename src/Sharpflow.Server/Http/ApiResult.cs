using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Server.Http;

/// <summary>A response body written as JSON, or as YAML when the client's Accept header prefers it.</summary>
internal sealed class ApiResult(object value, JsonTypeInfo typeInfo, int statusCode) : IResult
{
    public object Value => value;

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        if (ApiMediaTypes.PrefersYaml(httpContext.Request))
        {
            response.ContentType = "application/yaml; charset=utf-8";
            var node = JsonSerializer.SerializeToNode(value, typeInfo);
            await response.WriteAsync(node is null ? string.Empty : ResourceYaml.Serialize(node), httpContext.RequestAborted);
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, httpContext.RequestAborted);
    }
}
