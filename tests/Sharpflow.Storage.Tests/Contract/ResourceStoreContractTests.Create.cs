using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;

namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Fact]
    public async Task CreateAsync_NewObject_AssignsUidVersionGenerationAndCreationTimestamp()
    {
        var created = await Store.CreateAsync(Widget("alpha", Labels(("app", "web"))));

        Assert.True(Guid.TryParse(created.Metadata.Uid, out _));
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(Time.GetUtcNow(), created.Metadata.CreationTimestamp);
        Assert.Equal(await Store.GetCurrentVersionAsync(), created.Metadata.ResourceVersion);
        var read = await Store.GetAsync(WidgetKey("alpha"));
        Assert.NotNull(read);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("web", read.Metadata.Labels!["app"]);
        Assert.Equal(1, read.Spec!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetByUidAsync_CreatedObject_IsFoundByKindAndUidOnly()
    {
        var created = await Store.CreateAsync(Widget("by-uid", ns: Namespace + "-other"));

        var found = await Store.GetByUidAsync(TestKinds.Group, TestKinds.Widget.Kind, created.Metadata.Uid!);

        Assert.Equal((created.Metadata.Namespace, "by-uid", created.Metadata.ResourceVersion), (found?.Metadata.Namespace, found?.Metadata.Name, found?.Metadata.ResourceVersion));
        Assert.Null(await Store.GetByUidAsync(TestKinds.Group, TestKinds.Gadget.Kind, created.Metadata.Uid!));
        Assert.Null(await Store.GetByUidAsync(TestKinds.Group, TestKinds.Widget.Kind, Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task CreateAsync_ObjectsOfDifferentKinds_ShareOneIncreasingVersionSequence()
    {
        var first = await Store.CreateAsync(Widget("one"));
        var gadget = await Store.CreateAsync(new Resource
        {
            ApiVersion = TestKinds.ApiVersion,
            Kind = TestKinds.Gadget.Kind,
            Metadata = new ObjectMeta { Name = "two", Namespace = Namespace },
        });
        var third = await Store.CreateAsync(Widget("three"));

        Assert.True(Version(first) < Version(gadget));
        Assert.True(Version(gadget) < Version(third));
    }

    [Fact]
    public async Task CreateAsync_GenerateName_FillsNameFromPrefix()
    {
        var resource = Widget(null!) with { Metadata = new ObjectMeta { GenerateName = "run-", Namespace = Namespace } };

        var first = await Store.CreateAsync(resource);
        var second = await Store.CreateAsync(resource);

        Assert.StartsWith("run-", first.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal("run-".Length + 5, first.Metadata.Name!.Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
        Assert.NotNull(await Store.GetAsync(WidgetKey(first.Metadata.Name)));
    }

    [Fact]
    public async Task CreateAsync_ExistingName_ThrowsAlreadyExists()
    {
        await Store.CreateAsync(Widget("taken"));

        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.CreateAsync(Widget("taken", size: 2)));

        Assert.Equal(409, error.Code);
        Assert.Equal("AlreadyExists", error.Reason);
        Assert.Equal(1, (await Store.GetAsync(WidgetKey("taken")))!.Spec!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateAsync_InvalidName_ThrowsInvalidNamingMetadataName()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.CreateAsync(Widget("Not_Valid")));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "metadata.name");
        Assert.Contains("metadata.name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NamespacedKindWithoutNamespace_ThrowsInvalidNamingMetadataNamespace()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(
            () => Store.CreateAsync(Widget("lost") with { Metadata = new ObjectMeta { Name = "lost" } }));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "metadata.namespace");
    }

    [Fact]
    public async Task CreateAsync_KindWithStatusSubresource_IgnoresStatus()
    {
        var created = await Store.CreateAsync(Widget("fresh") with { Status = new JsonObject { ["phase"] = "Done" } });

        Assert.Null(created.Status);
        Assert.Null((await Store.GetAsync(WidgetKey("fresh")))!.Status);
    }

    [Fact]
    public async Task CreateAsync_ClusterScopedKind_StoresWithoutNamespace()
    {
        var globe = new Resource
        {
            ApiVersion = TestKinds.ApiVersion,
            Kind = TestKinds.Globe.Kind,
            Metadata = new ObjectMeta { Name = $"earth-{Namespace}", Namespace = "ignored" },
        };

        var created = await Store.CreateAsync(globe);

        Assert.Null(created.Metadata.Namespace);
        Assert.NotNull(await Store.GetAsync(new ResourceKey(TestKinds.Group, TestKinds.Globe.Kind, null, $"earth-{Namespace}")));
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(WidgetKey("nothing-here")));
    }
}
