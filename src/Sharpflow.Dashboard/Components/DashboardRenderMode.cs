using Microsoft.AspNetCore.Components.Web;

namespace Sharpflow.Dashboard.Components;

internal static class DashboardRenderMode
{
    /// <summary>
    /// Interactive server rendering without prerendering: every page loads its data once, over the circuit,
    /// instead of once for the prerendered HTML and again when the circuit starts.
    /// </summary>
    public static readonly InteractiveServerRenderMode Server = new(prerender: false);
}
