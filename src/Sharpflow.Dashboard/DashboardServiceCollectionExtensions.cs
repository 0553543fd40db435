using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Sharpflow.Client;
using Sharpflow.Dashboard.Hosting;
using Sharpflow.Dashboard.Model;

namespace Sharpflow.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    internal const string HttpClientName = "Sharpflow.Dashboard";

    /// <summary>
    /// Registers the dashboard: Razor components with interactive server rendering, MudBlazor, and a
    /// <see cref="SharpflowClient"/> per circuit that calls this server's own API over HTTP, like any other user.
    /// </summary>
    public static IServiceCollection AddSharpflowDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServerApiAddress>();
        services.AddHttpClient(HttpClientName, (provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<ServerApiAddress>().Resolve();

            // Watches stay open for as long as a page shows a list; requests are cancelled with their component.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddScoped(provider => new SharpflowClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddScoped<NamespaceState>();
        services.AddScoped<NamespaceOverviewReader>();
        return services;
    }
}
