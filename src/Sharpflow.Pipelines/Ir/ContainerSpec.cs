using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Ir;

/// <summary>
/// A container to run. <see cref="Command"/> and <see cref="Args"/> elements may hold placeholders
/// (<c>{{$.inputs.parameters['x']}}</c>) and whole-element JSON structures (<c>{"IfPresent": ...}</c>, <c>{"Concat": [...]}</c>).
/// </summary>
public sealed record ContainerSpec
{
    public string? Image { get; init; }

    public IReadOnlyList<string> Command { get => field ?? []; init; }

    public IReadOnlyList<string> Args { get => field ?? []; init; }

    public IReadOnlyList<EnvVar> Env { get => field ?? []; init; }

    public ResourceSpec? Resources { get; init; }

    /// <summary>Lifecycle hooks (<c>preCacheCheck</c>); kept as JSON.</summary>
    public JsonObject? Lifecycle { get; init; }
}
