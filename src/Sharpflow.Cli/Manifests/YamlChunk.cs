namespace Sharpflow.Cli.Manifests;

/// <summary>The text of one YAML document and the 0-based line it starts on in its file.</summary>
internal sealed record YamlChunk(string Text, int FirstLine)
{
    /// <summary>The text preceded by blank lines, so that a parser's line numbers are the file's.</summary>
    public string TextAtFilePosition => new string('\n', FirstLine) + Text;
}
