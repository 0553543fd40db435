using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;

namespace Sharpflow.Server.KfpApi.Errors;

/// <summary>
/// Answers every error of a KFP endpoint with a <c>google.rpc.Status</c> body instead of the Kubernetes Status the
/// rest of the server writes: user errors keep their code and message; anything else is logged here and answered
/// with a short INTERNAL that reveals nothing of the server's insides.
/// </summary>
internal sealed partial class KfpErrorFilter(ILogger<KfpErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (ResourceException e) when (!http.Response.HasStarted)
        {
            return RpcStatusResult.From(e.Status);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            return RpcStatusResult.From(new ApiStatus { Code = e.StatusCode, Reason = "BadRequest", Message = e.Message });
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OutOfMemoryException)
        {
            LogUnhandled(e, http.Request.Method, http.Request.Path);
            return RpcStatusResult.Of(
                StatusCodes.Status500InternalServerError,
                RpcCode.Internal,
                $"an internal error occurred while handling {http.Request.Method} {http.Request.Path}; the server log has the details");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in KFP API {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
