using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sharpflow.Server.Hosting;

namespace Sharpflow.Server.Endpoints;

/// <summary>Liveness (<c>/healthz</c>: the process answers) and readiness (<c>/readyz</c>: store migrated, controllers started).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health").WithName("Healthz");
        app.MapGet("/readyz", (ServerReadiness readiness) => readiness.WhyNotReady() is { } reason
                ? Results.Text($"not ready: {reason}", statusCode: StatusCodes.Status503ServiceUnavailable)
                : TypedResults.Text("ok"))
            .WithTags("Health")
            .WithName("Readyz");
        return app;
    }
}
