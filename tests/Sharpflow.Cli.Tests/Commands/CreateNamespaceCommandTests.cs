using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class CreateNamespaceCommandTests(ServerFixture fixture)
{
    [Fact]
    public async Task CreateNamespace_New_ThenAgain_IsAlreadyExists()
    {
        var name = $"created-{Guid.NewGuid().ToString("N")[..8]}";

        var created = await fixture.RunAsync("create", "namespace", name);
        var again = await fixture.RunAsync("create", "namespace", name);

        Assert.Equal($"namespace/{name} created", created.Out.Trim());
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.StartsWith("Error from server (AlreadyExists):", again.Error, StringComparison.Ordinal);
        var kinds = await fixture.Client.ResolveKindAsync("namespaces");
        Assert.Equal(name, (await fixture.Client.GetAsync(kinds, null, name)).Metadata.Name);
    }
}
