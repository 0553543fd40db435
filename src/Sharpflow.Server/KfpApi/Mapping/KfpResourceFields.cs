using Sharpflow.Api.Resources;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>Reads of the stored JSON shared by the mappings (without deserializing large specs).</summary>
internal static class KfpResourceFields
{
    public static string? SpecString(Resource resource, string name) => KfpJson.String(resource.Spec, name);

    public static string? StatusString(Resource resource, string name) => KfpJson.String(resource.Status, name);

    /// <summary><c>spec.displayName</c>, else the resource name (KFP always shows a display name).</summary>
    public static string DisplayName(Resource resource) => SpecString(resource, "displayName") is { Length: > 0 } display
        ? display
        : resource.Metadata.Name ?? string.Empty;

    public static DateTimeOffset? StatusTime(Resource resource, string name) =>
        StatusString(resource, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var time)
            ? time
            : null;
}
