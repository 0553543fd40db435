namespace Sharpflow.Dashboard.Model;

/// <summary>One word for a list row ("Running", "Succeeded", "Ready") and how it should be coloured.</summary>
internal sealed record StatusSummary(string Text, StatusTone Tone)
{
    public static readonly StatusSummary None = new("—", StatusTone.Neutral);
}
