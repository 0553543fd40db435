namespace Sharpflow.Pipelines.Cel;

/// <summary>A CEL expression that does not parse or cannot be evaluated; <see cref="Position"/> is the 0-based offset in the expression.</summary>
internal sealed class CelException : Exception
{
    public CelException(string message, int position)
        : base(position >= 0 ? $"{message} (at position {position})" : message)
    {
        Reason = message;
        Position = position;
    }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }

    public int Position { get; }
}
