using System.Globalization;

namespace Sharpflow.Client;

public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    public bool Watch { get; init; }

    internal string ToQueryString() => SharpflowClient.Query(
        ("labelSelector", LabelSelector),
        ("fieldSelector", FieldSelector),
        ("limit", Limit?.ToString(CultureInfo.InvariantCulture)),
        ("continue", Continue),
        ("watch", Watch ? "true" : null),
        ("resourceVersion", ResourceVersion));
}
