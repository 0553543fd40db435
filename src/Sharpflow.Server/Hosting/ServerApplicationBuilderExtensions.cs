using Microsoft.AspNetCore.Builder;
using Sharpflow.Server.Endpoints;
using Sharpflow.Server.Http;
using Sharpflow.Server.KfpApi;
using Sharpflow.Server.Observability;

namespace Sharpflow.Server.Hosting;

internal static class ServerApplicationBuilderExtensions
{
    public static WebApplication UseSharpflowServer(this WebApplication app)
    {
        app.UseMiddleware<ApiRequestMetrics>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(ApiStatusCodePages.WriteAsync);
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint();
        app.MapResourceEndpoints();
        app.MapExtensionEndpoints();
        app.MapRunEndpoints();
        app.MapKfpApi();
        return app;
    }
}
