using Sharpflow.Api.Resources;

namespace Sharpflow.Cli.Manifests;

/// <summary>
/// One object read from a manifest, or the reason it could not be read. <see cref="Index"/> is the
/// 1-based position of the document in its source (0 when the source itself could not be read).
/// </summary>
internal sealed record ManifestDocument(string Source, int Index, Resource? Resource, string? Error)
{
    public string Location => Index == 0 ? Source : $"{Source}: document {Index}";
}
