using Sharpflow.Cli.Manifests;

namespace Sharpflow.Cli.Tests.Manifests;

public sealed class YamlDocumentSplitterTests
{
    [Fact]
    public void Split_MarkersBetweenDocuments_KeepsEachDocumentsFirstLine()
    {
        var chunks = YamlDocumentSplitter.Split("# leading comment\n---\na: 1\n---\nb: 2\n\n---\n");

        Assert.Equal(2, chunks.Count);
        Assert.Equal(0, chunks[0].FirstLine);
        Assert.Contains("a: 1", chunks[0].Text, StringComparison.Ordinal);
        Assert.Equal(3, chunks[1].FirstLine);
        Assert.StartsWith("---\nb: 2", chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_MarkerInsideIndentedBlockScalar_IsNotABoundary()
    {
        var chunks = YamlDocumentSplitter.Split("script: |\n  echo a\n  ---\n  echo b\n");

        Assert.Single(chunks);
    }

    [Fact]
    public void Split_ContentOnTheMarkerLine_StaysWithItsDocument()
    {
        var chunks = YamlDocumentSplitter.Split("a: 1\n--- {b: 2}\n--- # only a comment\nc: 3\n");

        Assert.Equal(["a: 1", "--- {b: 2}", "--- # only a comment\nc: 3\n"], chunks.Select(c => c.Text).ToArray());
    }

    [Fact]
    public void Split_DirectiveBeforeMarker_BelongsToTheNextDocument()
    {
        var chunks = YamlDocumentSplitter.Split("a: 1\n%YAML 1.2\n---\nb: 2\n");

        Assert.Equal(2, chunks.Count);
        Assert.Equal("%YAML 1.2\n---\nb: 2\n", chunks[1].Text);
        Assert.Equal(1, chunks[1].FirstLine);
    }

    [Fact]
    public void TextAtFilePosition_PadsWithBlankLines() =>
        Assert.Equal("\n\nx: 1", new YamlChunk("x: 1", 2).TextAtFilePosition);
}
