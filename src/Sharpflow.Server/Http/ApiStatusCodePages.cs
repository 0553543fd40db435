using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;

namespace Sharpflow.Server.Http;

/// <summary>Gives bodiless API error responses (no route, wrong method) a Status body too.</summary>
internal static class ApiStatusCodePages
{
    private static readonly string[] ApiPrefixes = ["/api", "/apis", "/sharpflow"];

    public static bool IsApiPath(PathString path) =>
        ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.Ordinal));

    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!IsApiPath(http.Request.Path) || http.Response.HasStarted || http.Response.ContentLength > 0)
        {
            return;
        }

        var code = http.Response.StatusCode;
        var status = code switch
        {
            StatusCodes.Status404NotFound => ApiResults.NotFoundStatus($"the server could not find the requested resource ({http.Request.Path})"),
            StatusCodes.Status405MethodNotAllowed => new ApiStatus
            {
                Code = code,
                Reason = "MethodNotAllowed",
                Message = $"{http.Request.Method} is not supported on {http.Request.Path}",
            },
            _ => new ApiStatus { Code = code, Reason = "BadRequest", Message = $"the request to {http.Request.Path} failed with {code}" },
        };
        await ApiResults.Status(status).ExecuteAsync(http);
    }
}
