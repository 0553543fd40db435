namespace Sharpflow.Core.Pods;

public sealed record PodContainer
{
    public string? Name { get; init; }

    /// <summary>Mapped to a local environment by the runtime's configuration.</summary>
    public string? Image { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyList<EnvVar> Env { get; init; } = [];

    public string? WorkingDir { get; init; }

    public ResourceRequirements? Resources { get; init; }

    public IReadOnlyList<PodContainerPort> Ports { get; init; } = [];
}
