namespace Sharpflow.Pipelines.Launch;

/// <summary>A task cannot be launched or its outputs cannot be read; the message says which input, output or file and why.</summary>
internal sealed class LaunchException : Exception
{
    public LaunchException(string message)
        : base(message)
    {
    }

    public LaunchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
