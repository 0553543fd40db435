namespace Sharpflow.Pipelines.Validation;

/// <summary>One problem with a pipeline: the dotted path of the offending field and what is wrong with it.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
