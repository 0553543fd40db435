using System.Text.Json;
using Sharpflow.Api.Serialization;
using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class GetCommandTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Get_Table_ListsNameStatusAndAge()
    {
        var ns = await ApplyAsync("get-table", ("alpha", "web"), ("beta", "db"));

        var result = await fixture.RunAsync("get", "configmaps", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = ApplyCommandTests.Lines(result.Out);
        Assert.Matches("^NAME +STATUS +AGE$", lines[0]);
        Assert.Matches("^alpha +- +\\d+s$", lines[1]);
        Assert.Matches("^beta +- +\\d+s$", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Get_LabelSelector_ListsOnlyMatchingObjects()
    {
        var ns = await ApplyAsync("get-selector", ("alpha", "web"), ("beta", "db"), ("gamma", "web"));

        var result = await fixture.RunAsync("get", "cm", "-l", "tier=web", "-n", ns, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var list = JsonSerializer.Deserialize(result.Out, ApiJsonContext.Default.ResourceList)!;
        Assert.Equal(["alpha", "gamma"], list.Items.Select(i => i.Metadata.Name!).Order().ToArray());
    }

    [Fact]
    public async Task Get_NamedAsJsonAndYaml_PrintsTheObject()
    {
        var ns = await ApplyAsync("get-one", ("alpha", "web"));

        var json = await fixture.RunAsync("get", "configmap", "alpha", "-n", ns, "-o", "json");
        var yaml = await fixture.RunAsync("get", "configmap", "alpha", "-n", ns, "-o", "yaml");

        var fromJson = JsonSerializer.Deserialize(json.Out, ApiJsonContext.Default.Resource)!;
        var fromYaml = ResourceYaml.ToResource(ResourceYaml.ParseObject(yaml.Out));
        Assert.Equal(("alpha", ns, "web"), (fromJson.Metadata.Name, fromJson.Metadata.Namespace, fromJson.Metadata.Labels?["tier"]));
        Assert.Equal(fromJson.Metadata.ResourceVersion, fromYaml.Metadata.ResourceVersion);
        Assert.StartsWith("apiVersion: v1\nkind: ConfigMap\n", yaml.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AllNamespaces_AddsTheNamespaceColumn()
    {
        var ns = await ApplyAsync("get-all", ("alpha", "everywhere"));

        var result = await fixture.RunAsync("get", "configmaps", "-A", "-l", "tier=everywhere");

        var lines = ApplyCommandTests.Lines(result.Out);
        Assert.Matches("^NAMESPACE +NAME +STATUS +AGE$", lines[0]);
        Assert.Contains(lines, line => line.StartsWith(ns + " ", StringComparison.Ordinal) && line.Contains(" alpha ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_MissingObject_ExitsFourWithTheServersMessage()
    {
        var ns = await fixture.CreateNamespaceAsync("get-missing");

        var result = await fixture.RunAsync("get", "configmaps", "nothing-here", "-n", ns);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.StartsWith("Error from server (NotFound): ", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing-here", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownKind_ExitsFourAndPointsToGetKinds()
    {
        var result = await fixture.RunAsync("get", "widgets");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("doesn't have a resource type \"widgets\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EmptyNamespace_SaysSoOnStderr()
    {
        var ns = await fixture.CreateNamespaceAsync("get-empty");

        var result = await fixture.RunAsync("get", "configmaps", "-n", ns);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"No resources found in {ns} namespace.", result.Error.Trim());
    }

    [Fact]
    public async Task GetKinds_ListsServedKinds()
    {
        var result = await fixture.RunAsync("get", "kinds");

        var lines = ApplyCommandTests.Lines(result.Out);
        Assert.Matches("^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$", lines[0]);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, "^configmaps +cm +v1 +true +ConfigMap$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, "^namespaces +ns +v1 +false +Namespace$"));
    }

    [Fact]
    public async Task Get_Watch_PrintsChangesUntilInterrupted()
    {
        var ns = await ApplyAsync("get-watch", ("alpha", "web"));
        await using var watch = fixture.Start("get", "configmaps", "-w", "-n", ns);
        await watch.WaitForOutputAsync("alpha", Timeout);

        await fixture.RunWithInputAsync(ApplyCommandTests.ConfigMap("late-arrival"), "apply", "-f", "-", "-n", ns);
        await watch.WaitForOutputAsync("late-arrival", Timeout);
        await fixture.RunAsync("delete", "configmap", "alpha", "-n", ns);
        await Testing.TestWait.UntilAsync(() => watch.Out.ToString().Split("alpha").Length > 2, Timeout, "the deleted object's row");

        Assert.Equal(ExitCodes.Ok, await watch.StopAsync());
        var lines = ApplyCommandTests.Lines(watch.Out.ToString());
        Assert.Single(lines, line => line.StartsWith("NAME", StringComparison.Ordinal));
        Assert.Matches("^late-arrival +- +\\d+s$", lines.Single(l => l.StartsWith("late-arrival", StringComparison.Ordinal)));
    }

    private async Task<string> ApplyAsync(string prefix, params (string Name, string Tier)[] configMaps)
    {
        var ns = await fixture.CreateNamespaceAsync(prefix);
        var yaml = string.Join("---\n", configMaps.Select(c => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {c.Name}\n  labels:\n    tier: {c.Tier}\n"));
        var result = await fixture.RunWithInputAsync(yaml, "apply", "-f", "-", "-n", ns);
        Assert.True(result.ExitCode == 0, result.ToString());
        return ns;
    }
}
