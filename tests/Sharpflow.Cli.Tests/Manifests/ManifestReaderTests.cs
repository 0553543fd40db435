using Sharpflow.Cli.Manifests;

namespace Sharpflow.Cli.Tests.Manifests;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sharpflow-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_BadDocumentInTheMiddle_ReportsItsFileLineAndKeepsTheOthers()
    {
        const string text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: first}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: [unclosed
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: third}
            """;

        var documents = ManifestReader.Parse("app.yaml", text);

        Assert.Equal(3, documents.Count);
        Assert.Equal("first", documents[0].Resource?.Metadata.Name);
        Assert.Null(documents[1].Resource);
        Assert.Equal("app.yaml: document 2", documents[1].Location);
        Assert.Matches("line (8|9), column \\d+", documents[1].Error);
        Assert.Equal("third", documents[2].Resource?.Metadata.Name);
        Assert.Equal(3, documents[2].Index);
    }

    [Fact]
    public void Parse_DocumentWithoutKind_NamesTheMissingField()
    {
        var documents = ManifestReader.Parse("x.yaml", "apiVersion: v1\nmetadata: {name: a}\n");

        Assert.Contains("kind is required", Assert.Single(documents).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListDocument_YieldsItsItems()
    {
        const string json = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}]}
            """;

        var documents = ManifestReader.Parse("list.json", json);

        Assert.Equal(["a", "b"], documents.Select(d => d.Resource!.Metadata.Name!).ToArray());
    }

    [Fact]
    public async Task ReadAsync_Directory_ReadsManifestFilesInNameOrder()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "b.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "a.json"), """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}""");
        await File.WriteAllTextAsync(Path.Combine(_directory, "c.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "notes.txt"), "not a manifest");

        var documents = await new ManifestReader(TextReader.Null).ReadAsync([_directory], CancellationToken.None);

        Assert.Equal(["a", "b", "c"], documents.Select(d => d.Resource!.Metadata.Name!).ToArray());
    }

    [Fact]
    public async Task ReadAsync_DashAndMissingPath_ReadsStdinAndReportsThePath()
    {
        var stdin = new StringReader("apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n");

        var documents = await new ManifestReader(stdin).ReadAsync(["-", "/no/such/file.yaml"], CancellationToken.None);

        Assert.Equal("team", documents[0].Resource?.Metadata.Name);
        Assert.Equal("stdin: document 1", documents[0].Location);
        Assert.Equal("the path \"/no/such/file.yaml\" does not exist", documents[1].Error);
    }
}
