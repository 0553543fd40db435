using System.Text.Json;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Cli.Infrastructure;

namespace Sharpflow.Cli.Output;

/// <summary>The one place that turns resources into table, JSON or YAML text on stdout.</summary>
internal sealed class ResourcePrinter(CliConsole console, TimeProvider time)
{
    /// <summary>kubectl's way of naming an object in messages: <c>configmap/settings</c>, <c>pytorchjob.kubeflow.org/mnist</c>.</summary>
    public static string Reference(Resource resource) => $"{KindName(resource.Kind, resource.Group)}/{resource.Metadata.Name}";

    public static string KindName(string kind, string group) =>
        group.Length == 0 ? kind.ToLowerInvariant() : $"{kind.ToLowerInvariant()}.{group}";

    public static IReadOnlyList<string> TableHeaders(bool showNamespace) =>
        showNamespace ? ["NAMESPACE", "NAME", "STATUS", "AGE"] : ["NAME", "STATUS", "AGE"];

    public string[] TableRow(Resource resource, bool showNamespace)
    {
        var name = resource.Metadata.Name ?? string.Empty;
        var status = ResourceStatus.Summarize(resource);
        var age = Age.Since(resource.Metadata.CreationTimestamp, time);
        return showNamespace ? [resource.Metadata.Namespace ?? string.Empty, name, status, age] : [name, status, age];
    }

    /// <summary>Prints a table of resources and returns its column widths.</summary>
    public IReadOnlyList<int> PrintTable(IEnumerable<Resource> resources, bool showNamespace, IReadOnlyList<int>? widths = null)
    {
        var table = new TextTable(TableHeaders(showNamespace));
        foreach (var resource in resources)
        {
            table.Add(TableRow(resource, showNamespace));
        }

        return table.Write(console.Out, widths);
    }

    public void PrintObject(Resource resource, OutputFormat format)
    {
        var node = JsonSerializer.SerializeToNode(resource, ApiJsonContext.Default.Resource);
        WriteDocument(node, format);
    }

    public void PrintList(ResourceList list, OutputFormat format)
    {
        var node = JsonSerializer.SerializeToNode(list, ApiJsonContext.Default.ResourceList);
        WriteDocument(node, format);
    }

    /// <summary>Writes any value as JSON or YAML (tables are the caller's).</summary>
    public void PrintValue<T>(T value, OutputFormat format) => WriteDocument(JsonOutput.ToNode(value), format);

    /// <summary>Writes one object of a stream: YAML documents are separated by <c>---</c>.</summary>
    public void PrintStreamed(Resource resource, OutputFormat format)
    {
        if (format == OutputFormat.Yaml)
        {
            console.Out.WriteLine("---");
        }

        PrintObject(resource, format);
    }

    private void WriteDocument(System.Text.Json.Nodes.JsonNode? node, OutputFormat format)
    {
        var text = format == OutputFormat.Yaml
            ? ResourceYaml.Serialize(node)
            : node?.ToJsonString(JsonOutput.Options) + Environment.NewLine;
        console.Out.Write(text);
        console.Out.Flush();
    }
}
