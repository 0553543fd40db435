using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Cli.Manifests;

/// <summary>
/// Reads the objects of <c>-f</c> arguments: a file (multi-document YAML, or JSON), every
/// *.yaml/*.yml/*.json of a directory in name order, or <c>-</c> for stdin. <c>kind: List</c>
/// documents are expanded into their items. Problems become documents with an error so that the
/// caller can report them and carry on with the rest.
/// </summary>
internal sealed class ManifestReader(TextReader stdin)
{
    public const string StdinName = "-";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public async Task<IReadOnlyList<ManifestDocument>> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var documents = new List<ManifestDocument>();
        foreach (var path in paths)
        {
            if (path == StdinName)
            {
                documents.AddRange(Parse("stdin", await stdin.ReadToEndAsync(cancellationToken)));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    documents.AddRange(Parse(file, await File.ReadAllTextAsync(file, cancellationToken)));
                }
            }
            else if (File.Exists(path))
            {
                documents.AddRange(Parse(path, await File.ReadAllTextAsync(path, cancellationToken)));
            }
            else
            {
                documents.Add(new ManifestDocument(path, 0, null, $"the path \"{path}\" does not exist"));
            }
        }

        return documents;
    }

    /// <summary>Parses one source; each document is parsed on its own so that a bad one does not hide the others.</summary>
    public static IReadOnlyList<ManifestDocument> Parse(string source, string text)
    {
        var documents = new List<ManifestDocument>();
        var index = 0;
        foreach (var chunk in YamlDocumentSplitter.Split(text))
        {
            IReadOnlyList<JsonObject> parsed;
            try
            {
                parsed = ResourceYaml.ParseDocuments(chunk.TextAtFilePosition);
            }
            catch (ResourceException e)
            {
                documents.Add(new ManifestDocument(source, ++index, null, e.Message));
                continue;
            }

            foreach (var document in parsed)
            {
                index++;
                documents.AddRange(ToDocuments(source, index, document));
            }
        }

        return documents;
    }

    private static IEnumerable<ManifestDocument> ToDocuments(string source, int index, JsonObject document)
    {
        if (document["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && document["kind"]!.GetValue<string>().EndsWith("List", StringComparison.Ordinal)
            && document["items"] is JsonArray items)
        {
            return items.Select(item => item is JsonObject obj
                ? ToDocument(source, index, (JsonObject)obj.DeepClone())
                : new ManifestDocument(source, index, null, "every item of a List must be an object"));
        }

        return [ToDocument(source, index, document)];
    }

    private static ManifestDocument ToDocument(string source, int index, JsonObject document)
    {
        try
        {
            return new ManifestDocument(source, index, ResourceYaml.ToResource(document), null);
        }
        catch (ResourceException e)
        {
            return new ManifestDocument(source, index, null, e.Message);
        }
    }
}
