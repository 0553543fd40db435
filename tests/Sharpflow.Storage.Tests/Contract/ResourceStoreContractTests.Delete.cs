using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Fact]
    public async Task DeleteAsync_WithoutFinalizers_RemovesAndReturnsLastState()
    {
        var created = await Store.CreateAsync(Widget("doomed"));

        var deleted = await Store.DeleteAsync(WidgetKey("doomed"));

        Assert.NotNull(deleted);
        Assert.Equal(created.Metadata.Uid, deleted.Metadata.Uid);
        Assert.True(Version(deleted) > Version(created));
        Assert.Null(await Store.GetAsync(WidgetKey("doomed")));
        Assert.Null(await Store.DeleteAsync(WidgetKey("doomed")));
    }

    [Fact]
    public async Task DeleteAsync_StaleResourceVersion_ThrowsConflict()
    {
        var created = await Store.CreateAsync(Widget("keep"));
        await Store.UpdateAsync(created with { Metadata = created.Metadata with { Labels = Labels(("x", "y")) } });

        var error = await Assert.ThrowsAsync<ResourceException>(
            () => Store.DeleteAsync(WidgetKey("keep"), new DeleteOptions { ResourceVersion = created.Metadata.ResourceVersion }));

        Assert.Equal(409, error.Code);
        Assert.NotNull(await Store.GetAsync(WidgetKey("keep")));
    }

    [Fact]
    public async Task DeleteAsync_WithFinalizers_MarksUntilLastFinalizerIsRemoved()
    {
        var created = await Store.CreateAsync(Widget("held") with
        {
            Metadata = Widget("held").Metadata with { Finalizers = ["a.test/one", "a.test/two"] },
        });
        var watch = CollectAsync(Store.WatchAsync(new WatchQuery { Namespace = Namespace, ResourceVersion = created.Metadata.ResourceVersion }), 3);

        var marked = await Store.DeleteAsync(WidgetKey("held"));
        Assert.NotNull(marked);
        Assert.Equal(Time.GetUtcNow(), marked.Metadata.DeletionTimestamp);
        Assert.NotNull(await Store.GetAsync(WidgetKey("held")));
        var addFinalizer = await Assert.ThrowsAsync<ResourceException>(
            () => Store.UpdateAsync(marked with { Metadata = marked.Metadata with { Finalizers = ["a.test/one", "a.test/two", "a.test/three"] } }));
        Assert.Equal(422, addFinalizer.Code);

        var one = await Store.UpdateAsync(marked with { Metadata = marked.Metadata with { Finalizers = ["a.test/two"] } });
        Assert.NotNull(await Store.GetAsync(WidgetKey("held")));
        var gone = await Store.UpdateAsync(one with { Metadata = one.Metadata with { Finalizers = [] } });

        Assert.Null(await Store.GetAsync(WidgetKey("held")));
        Assert.Equal(created.Metadata.Uid, gone.Metadata.Uid);
        var events = await watch;
        Assert.Equal(
            [WatchEventType.Modified, WatchEventType.Modified, WatchEventType.Deleted],
            events.Select(e => e.Type));
        Assert.NotNull(events[0].Object.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task DeleteAsync_Owner_DeletesDependentsRecursively()
    {
        var owner = await Store.CreateAsync(Widget("owner"));
        var child = await Store.CreateAsync(Owned(Widget("child"), owner));
        await Store.CreateAsync(Owned(Widget("grandchild"), child));
        await Store.CreateAsync(Widget("bystander"));

        await Store.DeleteAsync(WidgetKey("owner"));

        Assert.Equal(["bystander"], (await Store.ListAsync(WidgetQuery())).Items.Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task DeleteAsync_DependentWithFinalizer_IsMarkedAndKept()
    {
        var owner = await Store.CreateAsync(Widget("parent"));
        var held = Owned(Widget("held-child"), owner);
        await Store.CreateAsync(held with { Metadata = held.Metadata with { Finalizers = ["a.test/cleanup"] } });

        await Store.DeleteAsync(WidgetKey("parent"));

        var child = await Store.GetAsync(WidgetKey("held-child"));
        Assert.NotNull(child);
        Assert.NotNull(child.Metadata.DeletionTimestamp);
        await Store.UpdateAsync(child with { Metadata = child.Metadata with { Finalizers = null } });
        Assert.Null(await Store.GetAsync(WidgetKey("held-child")));
    }

    [Fact]
    public async Task DeleteAsync_DependentWithAnotherLiveOwner_LosesOnlyTheReference()
    {
        var first = await Store.CreateAsync(Widget("first"));
        var second = await Store.CreateAsync(Widget("second"));
        var shared = Owned(Owned(Widget("shared"), first), second);
        await Store.CreateAsync(shared);

        await Store.DeleteAsync(WidgetKey("first"));

        var kept = await Store.GetAsync(WidgetKey("shared"));
        Assert.NotNull(kept);
        Assert.Equal([second.Metadata.Uid], kept.Metadata.OwnerReferences!.Select(o => o.Uid));
    }

    [Fact]
    public async Task DeleteAsync_OrphanPolicy_StripsOwnerReferenceAndKeepsDependents()
    {
        var owner = await Store.CreateAsync(Widget("leaving"));
        await Store.CreateAsync(Owned(Widget("orphan"), owner));

        await Store.DeleteAsync(WidgetKey("leaving"), new DeleteOptions { PropagationPolicy = "Orphan" });

        var orphan = await Store.GetAsync(WidgetKey("orphan"));
        Assert.NotNull(orphan);
        Assert.Null(orphan.Metadata.OwnerReferences);
        Assert.Null(await Store.GetAsync(WidgetKey("leaving")));
    }

    private static Resource Owned(Resource resource, Resource owner) => resource with
    {
        Metadata = resource.Metadata with
        {
            OwnerReferences =
            [
                .. resource.Metadata.OwnerReferences ?? [],
                new OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name!, Uid = owner.Metadata.Uid!, Controller = true },
            ],
        },
    };
}
