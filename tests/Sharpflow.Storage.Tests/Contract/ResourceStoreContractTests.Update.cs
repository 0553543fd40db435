using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;

namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Fact]
    public async Task UpdateAsync_StaleResourceVersion_ThrowsConflictAskingToRetry()
    {
        var created = await Store.CreateAsync(Widget("contested"));
        await Store.UpdateAsync(created with { Spec = new JsonObject { ["size"] = 2 } });

        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.UpdateAsync(created with { Spec = new JsonObject { ["size"] = 3 } }));

        Assert.Equal(409, error.Code);
        Assert.Equal("Conflict", error.Reason);
        Assert.Contains("has been modified", error.Message, StringComparison.Ordinal);
        Assert.Contains("try again", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.GetAsync(WidgetKey("contested")))!.Spec!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateAsync_SpecChanged_IncrementsGenerationAndVersion()
    {
        var created = await Store.CreateAsync(Widget("grow"));

        var updated = await Store.UpdateAsync(created with { Spec = new JsonObject { ["size"] = 5 } });

        Assert.Equal(2, updated.Metadata.Generation);
        Assert.True(Version(updated) > Version(created));
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);
        Assert.Equal(created.Metadata.CreationTimestamp, updated.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task UpdateAsync_OnlyMetadataChanged_KeepsGeneration()
    {
        var created = await Store.CreateAsync(Widget("relabel"));

        var updated = await Store.UpdateAsync(created with { Metadata = created.Metadata with { Labels = Labels(("tier", "gold")) } });

        Assert.Equal(1, updated.Metadata.Generation);
        Assert.True(Version(updated) > Version(created));
        Assert.Single((await Store.ListAsync(WidgetQuery("tier=gold"))).Items);
    }

    [Fact]
    public async Task UpdateAsync_ExtraTopLevelFieldChanged_IncrementsGeneration()
    {
        var created = await Store.CreateAsync(Widget("extra"));

        var updated = await Store.UpdateAsync(created with { Extra = new Dictionary<string, JsonElement> { ["data"] = JsonSerializer.SerializeToElement(new JsonObject { ["k"] = "v" }) } });

        Assert.Equal(2, updated.Metadata.Generation);
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_KeepsResourceVersion()
    {
        var created = await Store.CreateAsync(Widget("same"));

        var updated = await Store.UpdateAsync(created);

        Assert.Equal(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
        Assert.Equal(created.Metadata.ResourceVersion, await Store.GetCurrentVersionAsync());
    }

    [Fact]
    public async Task UpdateAsync_KindWithStatusSubresource_KeepsStoredStatus()
    {
        var created = await Store.CreateAsync(Widget("guarded"));
        var withStatus = await Store.UpdateStatusAsync(created with { Status = new JsonObject { ["phase"] = "Running" } });

        var updated = await Store.UpdateAsync(withStatus with { Spec = new JsonObject { ["size"] = 9 }, Status = new JsonObject { ["phase"] = "Hacked" } });

        Assert.Equal("Running", updated.Status!["phase"]!.GetValue<string>());
        Assert.Equal(9, updated.Spec!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateAsync_KindWithoutStatusSubresource_ReplacesStatus()
    {
        var gadget = await Store.CreateAsync(new Resource
        {
            ApiVersion = TestKinds.ApiVersion,
            Kind = TestKinds.Gadget.Kind,
            Metadata = new ObjectMeta { Name = "open", Namespace = Namespace },
        });

        var updated = await Store.UpdateAsync(gadget with { Status = new JsonObject { ["phase"] = "Set" } });

        Assert.Equal("Set", updated.Status!["phase"]!.GetValue<string>());
        Assert.Equal(1, updated.Metadata.Generation);
    }

    [Fact]
    public async Task UpdateStatusAsync_StatusChanged_KeepsSpecAndGeneration()
    {
        var created = await Store.CreateAsync(Widget("report"));

        var updated = await Store.UpdateStatusAsync(created with
        {
            Spec = new JsonObject { ["size"] = 100 },
            Metadata = created.Metadata with { Labels = Labels(("sneaky", "yes")) },
            Status = new JsonObject { ["observedGeneration"] = 1 },
        });

        Assert.Equal(1, updated.Metadata.Generation);
        Assert.Equal(1, updated.Spec!["size"]!.GetValue<int>());
        Assert.Null(updated.Metadata.Labels);
        Assert.Equal(1, updated.Status!["observedGeneration"]!.GetValue<int>());
        Assert.True(Version(updated) > Version(created));
    }

    [Fact]
    public async Task UpdateStatusAsync_StaleResourceVersion_ThrowsConflict()
    {
        var created = await Store.CreateAsync(Widget("racing"));
        await Store.UpdateStatusAsync(created with { Status = new JsonObject { ["n"] = 1 } });

        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.UpdateStatusAsync(created with { Status = new JsonObject { ["n"] = 2 } }));

        Assert.Equal(409, error.Code);
    }

    [Fact]
    public async Task UpdateAsync_Missing_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.UpdateAsync(Widget("ghost")));

        Assert.Equal(404, error.Code);
    }
}
