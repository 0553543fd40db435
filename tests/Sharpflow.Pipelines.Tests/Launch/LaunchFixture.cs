using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

/// <summary>Tasks of the acceptance pipelines, with executor inputs laid out as the engine lays them out.</summary>
internal static class LaunchFixture
{
    public const string TaskRoot = "/work/runs/r-1/t-1";
    public const string PipelineRoot = "/data/artifacts";

    public static TaskContext Context { get; } = new()
    {
        PipelineJobName = "my run",
        PipelineJobResourceName = "runs/r-1",
        PipelineJobUuid = "r-1",
        PipelineTaskName = "train",
        PipelineTaskUuid = "t-1",
        PipelineRoot = PipelineRoot,
        JobCreateTime = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2)),
    };

    public static (ContainerSpec Container, ComponentSpec Component) Task(string file, string componentName)
    {
        var spec = AcceptanceFiles.Parse(file).Spec;
        var component = spec.Components[componentName];
        return (spec.FindExecutor(component.ExecutorLabel)!.Container!, component);
    }

    public static ExecutorInput Input(
        ComponentSpec component,
        IReadOnlyDictionary<string, JsonNode?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>>? artifacts = null) =>
        ExecutorInputFactory.Create(
            component,
            new ResolvedTaskInputs(parameters ?? new Dictionary<string, JsonNode?>(), artifacts ?? new Dictionary<string, IReadOnlyList<RuntimeArtifact>>()),
            TaskRoot,
            name => ArtifactUris.ForOutput(PipelineRoot, "pipeline", "r-1", "train", "t-1", name));

    public static ResolvedCommandLine Resolve(string file, string componentName, IReadOnlyDictionary<string, JsonNode?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>>? artifacts = null)
    {
        var (container, component) = Task(file, componentName);
        return CommandLineResolver.Resolve(container, Input(component, parameters, artifacts), component, Context, ArtifactPaths.Kfp);
    }

    public static RuntimeArtifact Dataset(string uri, JsonObject? metadata = null) => new()
    {
        Name = "artifact-17",
        Type = new ArtifactTypeSchema { SchemaTitle = "system.Dataset", SchemaVersion = "0.0.1" },
        Uri = uri,
        Metadata = metadata ?? [],
    };
}
