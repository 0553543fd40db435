namespace Sharpflow.Cli.Infrastructure;

/// <summary>The arguments parse but do not make sense together; reported with the command's usage and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
