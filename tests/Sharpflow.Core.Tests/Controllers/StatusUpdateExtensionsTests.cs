using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Tests.Fakes;
using static Sharpflow.Core.Tests.Controllers.TestKinds;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class StatusUpdateExtensionsTests
{
    private readonly InMemoryResourceStore _store = new();

    [Fact]
    public async Task UpdateStatusIfChangedAsync_NewStatus_WritesItWithObservedGeneration()
    {
        var widget = await _store.CreateAsync(New(Widget, "a"));

        var written = await _store.UpdateStatusIfChangedAsync(widget, new JsonObject { ["phase"] = "Ready" });

        Assert.NotNull(written);
        Assert.Equal("Ready", written.Status!["phase"]!.GetValue<string>());
        Assert.Equal(1, written.Status["observedGeneration"]!.GetValue<long>());
        Assert.NotEqual(widget.Metadata.ResourceVersion, written.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task UpdateStatusIfChangedAsync_SameStatus_DoesNotWrite()
    {
        var widget = await _store.CreateAsync(New(Widget, "a"));
        var written = await _store.UpdateStatusIfChangedAsync(widget, new SampleStatus("Ready", 3));

        var again = await _store.UpdateStatusIfChangedAsync(written!, new SampleStatus("Ready", 3));

        Assert.Equal(written!.Metadata.ResourceVersion, again!.Metadata.ResourceVersion);
        Assert.Equal(written.Metadata.ResourceVersion, await _store.GetCurrentVersionAsync());
    }

    [Fact]
    public async Task UpdateStatusIfChangedAsync_StaleVersion_RereadsAndWritesOnce()
    {
        var stale = await _store.CreateAsync(New(Widget, "a"));
        var fresh = stale with { Metadata = stale.Metadata with { Labels = new Dictionary<string, string> { ["touched"] = "yes" } } };
        await _store.UpdateAsync(fresh);

        var written = await _store.UpdateStatusIfChangedAsync(stale, new SampleStatus("Ready", 1));

        Assert.Equal("yes", written!.Metadata.Labels!["touched"]);
        Assert.Equal("Ready", written.GetStatus<SampleStatus>()!.Phase);
    }

    [Fact]
    public async Task UpdateStatusIfChangedAsync_ObjectDeletedMeanwhile_ReturnsNull()
    {
        var stale = await _store.CreateAsync(New(Widget, "a"));
        await _store.DeleteAsync(Key(Widget, "a"));

        Assert.Null(await _store.UpdateStatusIfChangedAsync(stale, new SampleStatus("Ready", 1)));
    }

    private sealed record SampleStatus(string Phase, int Replicas);
}
