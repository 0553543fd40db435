using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>
/// The artifact endpoint answers a directory artifact with the JSON list of its files, <c>[{path, size}]</c>.
/// A single file whose content happens to look the same is shown as a listing too, which reads the same.
/// </summary>
internal static class ArtifactListing
{
    public static IReadOnlyList<ArtifactFile>? TryRead(string text)
    {
        if (!text.TrimStart().StartsWith('['))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is not JsonArray array || array.Count == 0)
            {
                return null;
            }

            var files = new List<ArtifactFile>();
            foreach (var item in array)
            {
                if (item is not JsonObject file || file.Count != 2 || JsonRead.Text(file, "path") is not { } path || JsonRead.Number(file["size"]) is not { } size)
                {
                    return null;
                }

                files.Add(new ArtifactFile(path, (long)size));
            }

            return files;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
