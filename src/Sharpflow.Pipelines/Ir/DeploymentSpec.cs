namespace Sharpflow.Pipelines.Ir;

public sealed record DeploymentSpec
{
    /// <summary>Keyed by executor label (<c>exec-...</c>).</summary>
    public IReadOnlyDictionary<string, ExecutorSpec> Executors { get => field ?? EmptyMap<ExecutorSpec>.Instance; init; }
}
