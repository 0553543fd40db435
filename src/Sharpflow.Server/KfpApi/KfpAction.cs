using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi;

/// <summary>
/// Google-style custom methods in the last path segment (<c>{run_id}:terminate</c>): the route binds the whole segment
/// and this splits it, since a route template cannot put a literal after a parameter in every router.
/// </summary>
internal static class KfpAction
{
    public static (string Id, string Verb) Split(string segment, string resource, params string[] verbs)
    {
        var colon = segment.LastIndexOf(':');
        var verb = colon < 0 ? string.Empty : segment[(colon + 1)..];
        if (colon <= 0 || !verbs.Contains(verb, StringComparer.Ordinal))
        {
            throw KfpErrors.NotFound(
                $"no such method on {resource}: POST /{resource}/{{id}}:{{method}} takes one of {string.Join(", ", verbs.Select(v => ":" + v))}");
        }

        return (segment[..colon], verb);
    }
}
