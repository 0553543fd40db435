using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sharpflow.Server.Http;

/// <summary>The media types the resource API reads and writes.</summary>
internal static class ApiMediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";

    public static bool IsYaml(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals(Yaml, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-yaml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/yaml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/x-yaml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The request's media type without parameters such as charset, or null when absent or unreadable.</summary>
    public static string? ContentMediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;

    /// <summary>True when the client prefers YAML over JSON in its Accept header.</summary>
    public static bool PrefersYaml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        var preferred = accepted
            .Where(a => (a.Quality ?? 1) > 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value)
            .FirstOrDefault(m => IsYaml(m) || string.Equals(m, Json, StringComparison.OrdinalIgnoreCase));
        return IsYaml(preferred);
    }
}
