namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// A container's command line with every placeholder substituted, and the executor input it was made
/// from (defaults applied): the input <c>{{$}}</c> rendered.
/// </summary>
internal sealed record ResolvedCommandLine(
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env,
    ExecutorInput LaunchInput);
