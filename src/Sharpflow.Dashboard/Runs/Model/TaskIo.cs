namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>The parameters and artifacts of a task's recorded inputs or outputs.</summary>
public sealed record TaskIo(IReadOnlyList<NamedValue> Parameters, IReadOnlyList<ArtifactRef> Artifacts)
{
    public static TaskIo Empty { get; } = new([], []);

    public bool IsEmpty => Parameters.Count == 0 && Artifacts.Count == 0;

    /// <summary>Reads <c>{"parameters": {...}, "artifacts": {name: [artifact]}}</c>; null or malformed JSON reads as empty.</summary>
    public static TaskIo Parse(string? json)
    {
        if (JsonRead.Parse(json) is not { } root)
        {
            return Empty;
        }

        return new TaskIo(
            NamedValue.From(root["parameters"] as System.Text.Json.Nodes.JsonObject),
            ArtifactRef.From(root["artifacts"] as System.Text.Json.Nodes.JsonObject));
    }
}
