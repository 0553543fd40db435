using System.Text.Json.Nodes;

namespace Sharpflow.Cli.Runs;

/// <summary>What <c>sharpflow run</c> was asked for, besides the pipeline itself.</summary>
internal sealed record RunSettings
{
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    public JsonObject Parameters { get; init; } = [];

    public string? Experiment { get; init; }

    public bool NoCache { get; init; }

    public string? PipelineRoot { get; init; }
}
