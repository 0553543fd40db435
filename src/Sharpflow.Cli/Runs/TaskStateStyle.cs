using Sharpflow.Core.Executions;

namespace Sharpflow.Cli.Runs;

/// <summary>The glyph and colour (Spectre markup) of each task state.</summary>
internal static class TaskStateStyle
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    /// <summary>The glyph; a running task's turns with <paramref name="frame"/> when given (live display).</summary>
    public static string Glyph(TaskExecutionState state, int? frame = null) => state switch
    {
        TaskExecutionState.Pending => "○",
        TaskExecutionState.Running => frame is { } f ? Spinner[f % Spinner.Length] : "▶",
        TaskExecutionState.Succeeded => "✔",
        TaskExecutionState.Cached => "✔",
        TaskExecutionState.Failed => "✘",
        TaskExecutionState.Skipped => "⊘",
        TaskExecutionState.Canceled => "■",
        _ => "?",
    };

    public static string Color(TaskExecutionState state) => state switch
    {
        TaskExecutionState.Running => "blue",
        TaskExecutionState.Succeeded => "green",
        TaskExecutionState.Cached => "cyan",
        TaskExecutionState.Failed => "red",
        TaskExecutionState.Canceled => "yellow",
        _ => "grey",
    };

    /// <summary>The colour of a run state (PENDING, RUNNING, SUCCEEDED, ...).</summary>
    public static string RunColor(string state) => state switch
    {
        "RUNNING" or "CANCELING" => "blue",
        "SUCCEEDED" => "green",
        "FAILED" => "red",
        "CANCELED" => "yellow",
        _ => "grey",
    };
}
