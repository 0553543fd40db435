namespace Sharpflow.Dashboard.Model;

/// <summary>A sidebar section that lists the objects of a few related kinds.</summary>
internal sealed record DashboardSection
{
    public required string Title { get; init; }

    public required string Path { get; init; }

    public required string Icon { get; init; }

    /// <summary>What the section shows, in one sentence, for the header and the empty state.</summary>
    public required string Description { get; init; }

    public required IReadOnlyList<SectionKind> Kinds { get; init; }

    /// <summary>A file name that reads naturally in the "how to create one" hint.</summary>
    public required string ExampleFile { get; init; }

    public string KindNames => string.Join(", ", Kinds.Select(k => k.Kind));
}
