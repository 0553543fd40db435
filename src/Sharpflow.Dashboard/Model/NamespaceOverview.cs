using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.Events;

namespace Sharpflow.Dashboard.Model;

/// <summary>What the home page shows for a namespace: object counts per kind, the newest objects and the newest events.</summary>
internal sealed record NamespaceOverview
{
    public required IReadOnlyList<KindCount> Counts { get; init; }

    public required IReadOnlyList<(KindInfo Kind, Resource Resource)> Newest { get; init; }

    public required IReadOnlyList<ResourceEvent> Events { get; init; }
}
