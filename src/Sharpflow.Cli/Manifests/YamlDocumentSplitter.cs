namespace Sharpflow.Cli.Manifests;

/// <summary>
/// Cuts a YAML stream at its document markers so that each document parses on its own and one bad
/// document does not hide the others. A marker (<c>---</c> or <c>...</c> at column 0) cannot occur
/// inside a document's content, so cutting at those lines is exact; directives (<c>%YAML</c>)
/// stay with the document they precede.
/// </summary>
internal static class YamlDocumentSplitter
{
    public static IReadOnlyList<YamlChunk> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var chunks = new List<YamlChunk>();
        var start = 0;
        var hasContent = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsMarker(line, "---") || line.StartsWith('%'))
            {
                if (hasContent)
                {
                    chunks.Add(Chunk(lines, start, i));
                    start = i;
                }

                // A directive or a start marker with content on its line (--- {a: 1}) belongs to the document after it.
                hasContent = !line.StartsWith('%') && line.Trim().Length > 3 && !line.Trim()[3..].TrimStart().StartsWith('#');
            }
            else if (IsMarker(line, "..."))
            {
                chunks.Add(Chunk(lines, start, i + 1));
                start = i + 1;
                hasContent = false;
            }
            else if (!IsBlankOrComment(line))
            {
                hasContent = true;
            }
        }

        if (hasContent)
        {
            chunks.Add(Chunk(lines, start, lines.Length));
        }

        return chunks;
    }

    private static YamlChunk Chunk(string[] lines, int start, int end) =>
        new(string.Join('\n', lines[start..end]), start);

    private static bool IsMarker(string line, string marker) =>
        line.StartsWith(marker, StringComparison.Ordinal) && (line.Length == marker.Length || char.IsWhiteSpace(line[marker.Length]));

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed.StartsWith('#');
    }
}
