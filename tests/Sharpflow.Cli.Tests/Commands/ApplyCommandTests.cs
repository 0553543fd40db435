using System.Text.RegularExpressions;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class ApplyCommandTests(ServerFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sharpflow-apply-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Apply_MultiDocumentYaml_CreatesEveryObjectThenReportsConfigured()
    {
        var ns = await fixture.CreateNamespaceAsync("apply");
        var file = Write("app.yaml", $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels:
                app: demo
            data:
              mode: fast
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: limits
              namespace: {ns}
            data:
              cpu: "2"
            """);

        var first = await fixture.RunAsync("apply", "-f", file, "-n", ns);
        var second = await fixture.RunAsync("apply", "-f", file, "-n", ns);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["configmap/settings created", "configmap/limits created"], Lines(first.Out));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["configmap/settings configured", "configmap/limits configured"], Lines(second.Out));
        var kind = await fixture.Client.ResolveKindAsync("configmaps");
        var settings = await fixture.Client.GetAsync(kind, ns, "settings");
        Assert.Equal("demo", settings.Metadata.Labels?["app"]);
        Assert.Equal("fast", settings.Extra?["data"].GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Apply_DirectoryAndStdin_AppliesFilesInNameOrderThenStdin()
    {
        var ns = await fixture.CreateNamespaceAsync("apply-dir");
        Write("b.yaml", ConfigMap("second"));
        Write("a.json", $$$"""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "first", "namespace": "{{{ns}}}"} }""");
        Write("ignored.txt", ConfigMap("never"));

        var result = await fixture.RunWithInputAsync(ConfigMap("third"), "apply", "-f", _directory, "-f", "-", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["configmap/first created", "configmap/second created", "configmap/third created"], Lines(result.Out));
    }

    [Fact]
    public async Task Apply_MalformedYaml_NamesFileDocumentLineAndColumnAndAppliesTheRest()
    {
        var ns = await fixture.CreateNamespaceAsync("apply-bad");
        var file = Write("broken.yaml", ConfigMap("good") + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: [oops
            ---

            """ + ConfigMap("after"));

        var result = await fixture.RunAsync("apply", "-f", file, "-n", ns);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal(["configmap/good created", "configmap/after created"], Lines(result.Out));
        Assert.True(
            Regex.IsMatch(result.Error, $"^error: {Regex.Escape(file)}: document 2: malformed YAML at line 1[12], column \\d+: .*flow sequence"),
            result.Error);
    }

    [Fact]
    public async Task Apply_UnknownKind_SaysTheKindIsNotServed()
    {
        var result = await fixture.RunWithInputAsync("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n", "apply", "-f", "-");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("error: stdin: document 1: Error from server (NotFound): no kind \"Widget\" is served in \"example.com/v1\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_InvalidName_ReportsTheInvalidField()
    {
        var ns = await fixture.CreateNamespaceAsync("apply-name");

        var result = await fixture.RunWithInputAsync(ConfigMap("Not_Valid"), "apply", "-f", "-", "-n", ns);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Error from server (Invalid)", result.Error, StringComparison.Ordinal);
        Assert.Contains("metadata.name", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Apply_UnknownNamespace_SaysTheNamespaceIsMissing()
    {
        var result = await fixture.RunWithInputAsync(ConfigMap("orphan"), "apply", "-f", "-", "-n", "no-such-namespace");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("Error from server (NotFound): namespaces \"no-such-namespace\" not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_StaleResourceVersion_IsAConflict()
    {
        var ns = await fixture.CreateNamespaceAsync("apply-stale");
        await fixture.RunWithInputAsync(ConfigMap("shared"), "apply", "-f", "-", "-n", ns);
        var kind = await fixture.Client.ResolveKindAsync("configmaps");
        var original = await fixture.Client.GetAsync(kind, ns, "shared");
        await fixture.Client.UpdateAsync(original with { Metadata = original.Metadata with { Labels = new Dictionary<string, string> { ["changed"] = "yes" } } });
        var stale = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  resourceVersion: \"{original.Metadata.ResourceVersion}\"\n";

        var result = await fixture.RunWithInputAsync(stale, "apply", "-f", "-", "-n", ns);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Error from server (Conflict)", result.Error, StringComparison.Ordinal);
        var current = await fixture.Client.GetAsync(kind, ns, "shared");
        Assert.Equal("yes", current.Metadata.Labels?["changed"]);
    }

    [Fact]
    public async Task Apply_MissingFile_NamesThePath()
    {
        var result = await fixture.RunAsync("apply", "-f", Path.Combine(_directory, "absent.yaml"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("absent.yaml\" does not exist", result.Error, StringComparison.Ordinal);
    }

    internal static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  key: value\n";

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
