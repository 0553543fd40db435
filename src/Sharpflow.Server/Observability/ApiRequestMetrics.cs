using Microsoft.AspNetCore.Http;
using Sharpflow.Server.Http;

namespace Sharpflow.Server.Observability;

/// <summary>Counts every answered API request by method and final status code.</summary>
internal sealed class ApiRequestMetrics(RequestDelegate next, ServerMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (ApiStatusCodePages.IsApiPath(context.Request.Path))
            {
                metrics.RequestCompleted(context.Request.Method, context.Response.StatusCode);
            }
        }
    }
}
