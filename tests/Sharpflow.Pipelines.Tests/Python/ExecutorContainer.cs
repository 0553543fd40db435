namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>A compiled executor's container command and args, as in the pipeline YAML.</summary>
internal sealed record ExecutorContainer(IReadOnlyList<string> Command, IReadOnlyList<string> Args)
{
    /// <summary>The component's Python source: the last command word of the compiled prologue.</summary>
    public string Source => Command[^1];

    /// <summary>The value after <c>--function_to_execute</c>.</summary>
    public string Function => Args[Args.ToList().IndexOf("--function_to_execute") + 1];
}
