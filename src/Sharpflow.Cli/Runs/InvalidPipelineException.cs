namespace Sharpflow.Cli.Runs;

/// <summary>The pipeline file cannot be read as a compiled KFP pipeline; reported as one line, exit code 1.</summary>
internal sealed class InvalidPipelineException(string message) : Exception(message);
