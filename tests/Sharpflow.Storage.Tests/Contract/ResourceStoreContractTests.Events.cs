using Sharpflow.Core.Events;

namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Fact]
    public async Task RecordAsync_IdenticalEvents_FoldIntoOneWithCountAndLastTime()
    {
        var first = await Host.Events.RecordAsync(Event("job-a", "Started", "pod started"));
        Time.Advance(TimeSpan.FromSeconds(30));
        await Host.Events.RecordAsync(Event("job-a", "Started", "pod started"));
        Time.Advance(TimeSpan.FromSeconds(30));
        var third = await Host.Events.RecordAsync(Event("job-a", "Started", "pod started"));
        await Host.Events.RecordAsync(Event("job-a", "Started", "another message"));

        Assert.Equal(first.Id, third.Id);
        Assert.Equal(3, third.Count);
        Assert.Equal(first.FirstTimestamp, third.FirstTimestamp);
        Assert.Equal(first.FirstTimestamp + TimeSpan.FromMinutes(1), third.LastTimestamp);
        var listed = await Host.Events.ListAsync(new EventQuery { Namespace = Namespace, Name = "job-a" });
        Assert.Equal(2, listed.Count);
        Assert.Equal(3, listed.Single(e => e.Message == "pod started").Count);
    }

    [Fact]
    public async Task RecordAsync_SameMessageForDifferentObjects_KeepsSeparateEvents()
    {
        await Host.Events.RecordAsync(Event("job-a", "Failed", "boom"));
        await Host.Events.RecordAsync(Event("job-b", "Failed", "boom"));
        await Host.Events.RecordAsync(Event("job-a", "Failed", "boom", uid: "uid-1"));

        var listed = await Host.Events.ListAsync(new EventQuery { Namespace = Namespace });

        Assert.Equal(3, listed.Count);
        Assert.All(listed, e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task ListAsync_Events_NewestFirstWithFilters()
    {
        await Host.Events.RecordAsync(Event("job-a", "Created", "one"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Host.Events.RecordAsync(Event("job-b", "Created", "two"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Host.Events.RecordAsync(Event("job-a", "Running", "three", uid: "uid-a"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Host.Events.RecordAsync(Event("job-a", "Created", "one"));

        var all = await Host.Events.ListAsync(new EventQuery { Namespace = Namespace });
        var forA = await Host.Events.ListAsync(new EventQuery { Namespace = Namespace, Kind = "Widget", Name = "job-a" });
        var byUid = await Host.Events.ListAsync(new EventQuery { Uid = "uid-a" });
        var limited = await Host.Events.ListAsync(new EventQuery { Namespace = Namespace, Limit = 1 });
        var elsewhere = await Host.Events.ListAsync(new EventQuery { Namespace = Namespace + "-none" });

        Assert.Equal(["one", "three", "two"], all.Select(e => e.Message));
        Assert.Equal(["one", "three"], forA.Select(e => e.Message));
        Assert.Equal(["three"], byUid.Select(e => e.Message));
        Assert.Equal(["one"], limited.Select(e => e.Message));
        Assert.Empty(elsewhere);
    }

    private ResourceEvent Event(string name, string reason, string message, string? uid = null) => new()
    {
        InvolvedObject = new InvolvedObject { ApiVersion = TestKinds.ApiVersion, Kind = "Widget", Namespace = Namespace, Name = name, Uid = uid },
        Type = EventTypes.Normal,
        Reason = reason,
        Message = message,
        Source = "test-controller",
    };
}
