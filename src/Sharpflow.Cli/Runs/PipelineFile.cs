using Sharpflow.Api.Errors;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Cli.Runs;

/// <summary>Reads a KFP-compiled pipeline (YAML or JSON; the PipelineSpec and an optional platforms document) from a file or stdin.</summary>
internal static class PipelineFile
{
    public const string Stdin = "-";

    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="InvalidPipelineException">The text is not a compiled pipeline.</exception>
    public static async Task<PipelinePackage> ReadAsync(string path, TextReader stdin, CancellationToken cancellationToken)
    {
        string text;
        if (path == Stdin)
        {
            text = await stdin.ReadToEndAsync(cancellationToken);
        }
        else if (File.Exists(path))
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        else
        {
            throw new UsageException(Directory.Exists(path)
                ? $"\"{path}\" is a directory; give the compiled pipeline file (the YAML that kfp's compiler wrote)"
                : $"the pipeline file \"{path}\" does not exist");
        }

        var source = path == Stdin ? "stdin" : path;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidPipelineException($"{source} is empty: expected a compiled KFP pipeline (PipelineSpec YAML)");
        }

        try
        {
            var package = PipelineSpecParser.Parse(text);
            return string.IsNullOrEmpty(package.Spec.PipelineInfo?.Name)
                ? throw new InvalidPipelineException($"{source} is not a compiled KFP pipeline: pipelineInfo.name is missing")
                : package;
        }
        catch (ResourceException e)
        {
            throw new InvalidPipelineException($"{source} is not a compiled KFP pipeline: {e.Message}");
        }
    }
}
