namespace Sharpflow.Dashboard.Model;

/// <summary>A kind a dashboard section lists, by API group and kind name (the version is whatever the server serves).</summary>
internal sealed record SectionKind(string Group, string Kind);
