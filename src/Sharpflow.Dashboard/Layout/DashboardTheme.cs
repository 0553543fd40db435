using MudBlazor;

namespace Sharpflow.Dashboard.Layout;

internal static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#7048e8",
            AppbarBackground = "#1f2a44",
            AppbarText = "#ffffff",
            Background = "#f6f7fb",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2a44",
            DrawerIcon = "#5c6784",
            TextPrimary = "#1f2a44",
            TextSecondary = "#5c6784",
            TableHover = "#eef1fb",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthLeft = "232px",
        },
    };
}
