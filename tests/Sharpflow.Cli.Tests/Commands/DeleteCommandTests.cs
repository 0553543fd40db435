using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class DeleteCommandTests(ServerFixture fixture)
{
    [Fact]
    public async Task Delete_ByName_DeletesAndAGetThenFindsNothing()
    {
        var ns = await fixture.CreateNamespaceAsync("delete");
        await fixture.RunWithInputAsync(ApplyCommandTests.ConfigMap("a") + "---\n" + ApplyCommandTests.ConfigMap("b"), "apply", "-f", "-", "-n", ns);

        var result = await fixture.RunAsync("delete", "configmaps", "a", "b", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["configmap/a deleted", "configmap/b deleted"], ApplyCommandTests.Lines(result.Out));
        Assert.Equal(ExitCodes.NotFound, (await fixture.RunAsync("get", "configmap", "a", "-n", ns)).ExitCode);
    }

    [Fact]
    public async Task Delete_FromManifest_DeletesItsObjects()
    {
        var ns = await fixture.CreateNamespaceAsync("delete-file");
        var manifest = ApplyCommandTests.ConfigMap("from-file");
        await fixture.RunWithInputAsync(manifest, "apply", "-f", "-", "-n", ns);

        var result = await fixture.RunWithInputAsync(manifest, "delete", "-f", "-", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("configmap/from-file deleted", result.Out.Trim());
    }

    [Fact]
    public async Task Delete_WithFinalizer_IsMarkedForDeletion()
    {
        var ns = await fixture.CreateNamespaceAsync("delete-final");
        var manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [example.com/hold]\n";
        await fixture.RunWithInputAsync(manifest, "apply", "-f", "-", "-n", ns);

        var result = await fixture.RunAsync("delete", "cm", "held", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("configmap/held marked for deletion", result.Out.Trim());
        Assert.Matches("(?m)^held +Terminating ", (await fixture.RunAsync("get", "cm", "-n", ns)).Out);
        var kind = await fixture.Client.ResolveKindAsync("configmaps");
        await fixture.Client.PatchAsync(kind, ns, "held", """{"metadata":{"finalizers":null}}""");
    }

    [Fact]
    public async Task Delete_Missing_ExitsFourUnlessIgnored()
    {
        var ns = await fixture.CreateNamespaceAsync("delete-missing");

        var missing = await fixture.RunAsync("delete", "configmap", "ghost", "-n", ns);
        var ignored = await fixture.RunAsync("delete", "configmap", "ghost", "-n", ns, "--ignore-not-found");

        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.StartsWith("Error from server (NotFound):", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, ignored.ExitCode);
        Assert.Equal(string.Empty, ignored.Out + ignored.Error);
    }
}
