using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Sharpflow.Dashboard.Hosting;

/// <summary>
/// Serves the scripts and styles the dashboard needs (Blazor's <c>_framework/blazor.web.js</c>, MudBlazor's css
/// and js, the dashboard's own css) from resources embedded in this assembly, at the paths a static web assets
/// manifest would use. When the host does have such a manifest, its endpoints match first and this stays idle.
/// "no-cache" makes browsers revalidate (a cheap 304), so an upgraded server never runs against stale scripts.
/// </summary>
internal static class DashboardAssets
{
    private const string ResourceRoot = "Sharpflow.Dashboard.Assets";

    public static StaticFileOptions Options() => new()
    {
        FileProvider = new EmbeddedFileProvider(typeof(DashboardAssets).Assembly, ResourceRoot),
        OnPrepareResponse = context =>
            context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
    };
}
