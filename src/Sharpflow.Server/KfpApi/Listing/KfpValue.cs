namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>The value of a listed field: text, a number, or a time in UTC ticks. Absent values are "" and 0, as KFP's columns hold them.</summary>
internal readonly record struct KfpValue(KfpValueKind Kind, string Text, long Number)
{
    public static KfpValue Of(string? text) => new(KfpValueKind.String, text ?? string.Empty, 0);

    public static KfpValue Of(long number) => new(KfpValueKind.Number, string.Empty, number);

    public static KfpValue Of(DateTimeOffset? time) => new(KfpValueKind.Time, string.Empty, time?.UtcTicks ?? 0);

    /// <summary>Seconds since the Unix epoch for a time (0 when absent), the number itself otherwise.</summary>
    public long Seconds => Kind == KfpValueKind.Time && Number != 0
        ? (Number - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond
        : Number;

    public int CompareTo(KfpValue other) => Kind == KfpValueKind.String
        ? string.CompareOrdinal(Text, other.Text)
        : Number.CompareTo(other.Number);
}
