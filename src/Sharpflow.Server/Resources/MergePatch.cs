using System.Text.Json.Nodes;

namespace Sharpflow.Server.Resources;

/// <summary>
/// JSON Merge Patch (RFC 7386): objects merge key by key, null removes a key, anything else replaces.
/// The target is changed in place where it is an object; pass a copy to keep the original.
/// </summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            var existing = result[key];
            var merged = Apply(existing, value);
            if (!ReferenceEquals(existing, merged))
            {
                result[key] = merged;
            }
        }

        return result;
    }
}
