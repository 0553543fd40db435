using Microsoft.AspNetCore.Builder;
using Sharpflow.Dashboard.Components;
using Sharpflow.Dashboard.Hosting;

namespace Sharpflow.Dashboard;

public static class DashboardWebApplicationExtensions
{
    /// <summary>Serves the dashboard's assets and pages at <c>/</c> (call after the API endpoints are mapped).</summary>
    public static WebApplication MapSharpflowDashboard(this WebApplication app)
    {
        app.UseStaticFiles(DashboardAssets.Options());
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
