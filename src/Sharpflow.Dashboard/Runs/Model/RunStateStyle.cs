using MudBlazor;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>How a run state is shown: the chip colour and icon.</summary>
internal static class RunStateStyle
{
    public static Color ColorOf(string state) => state switch
    {
        RunStates.Succeeded => Color.Success,
        RunStates.Running => Color.Info,
        RunStates.Failed => Color.Error,
        RunStates.Canceling => Color.Warning,
        RunStates.Pending => Color.Default,
        _ => Color.Dark,
    };

    public static string IconOf(string state) => state switch
    {
        RunStates.Succeeded => Icons.Material.Filled.CheckCircle,
        RunStates.Running => Icons.Material.Filled.Autorenew,
        RunStates.Failed => Icons.Material.Filled.Error,
        RunStates.Canceling => Icons.Material.Filled.HourglassBottom,
        RunStates.Canceled => Icons.Material.Filled.Cancel,
        RunStates.Skipped => Icons.Material.Filled.SkipNext,
        _ => Icons.Material.Filled.Schedule,
    };

    /// <summary>"RUNNING" reads as "Running".</summary>
    public static string Label(string state) =>
        state.Length == 0 ? state : state[0] + state[1..].ToLowerInvariant();
}
