using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;

namespace Sharpflow.Server.Http;

/// <summary>
/// Turns every exception that escapes an endpoint into a Kubernetes Status: a user-caused
/// <see cref="ResourceException"/> keeps its code and message; anything else is logged with its
/// stack trace here and answered with a short 500 that reveals nothing of the server's insides.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var status = exception switch
        {
            ResourceException resource => resource.Status,
            BadHttpRequestException bad => new ApiStatus { Code = bad.StatusCode, Reason = "BadRequest", Message = bad.Message },
            _ => null,
        };
        if (status is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            status = new ApiStatus
            {
                Code = StatusCodes.Status500InternalServerError,
                Reason = "InternalError",
                Message = $"an internal error occurred while handling {httpContext.Request.Method} {httpContext.Request.Path}; the server log has the details",
            };
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.Clear();
        await ApiResults.Status(status).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
