namespace Sharpflow.Pipelines.Python;

/// <summary>
/// The command to run for a container. <see cref="Environment"/> holds variables to add to the
/// container's own (PYTHONPATH when Sharpflow's runtime is used; put it in front of an existing one).
/// </summary>
internal sealed record PythonComponentLaunch
{
    public required IReadOnlyList<string> Command { get; init; }

    public required IReadOnlyList<string> Args { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the pip step was skipped and Sharpflow's kfp runtime runs the function.</summary>
    public bool UsesSharpflowRuntime { get; init; }

    public static PythonComponentLaunch Unchanged(IReadOnlyList<string> command, IReadOnlyList<string> args) =>
        new() { Command = command, Args = args };
}
