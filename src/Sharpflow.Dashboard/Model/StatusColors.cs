using MudBlazor;

namespace Sharpflow.Dashboard.Model;

internal static class StatusColors
{
    public static Color Of(StatusTone tone) => tone switch
    {
        StatusTone.Good => Color.Success,
        StatusTone.Progressing => Color.Info,
        StatusTone.Warning => Color.Warning,
        StatusTone.Bad => Color.Error,
        _ => Color.Default,
    };

    public static Color Of(StatusSummary summary) => Of(summary.Tone);
}
