using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Events;
using Sharpflow.Core.Tests.Fakes;

namespace Sharpflow.Core.Tests.Events;

public sealed class EventRecorderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEventStore _store = new();
    private readonly IEventRecorder _recorder;
    private readonly Resource _pod = new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new ObjectMeta { Name = "train", Namespace = "team-a", Uid = "0f5c" },
    };

    public EventRecorderTests()
    {
        _recorder = new EventRecorderFactory(_store, _time, NullLogger<EventRecorder>.Instance).Create("pod-controller");
    }

    [Fact]
    public async Task RecordAsync_NewEvent_WritesObjectSourceAndTime()
    {
        await _recorder.RecordAsync(_pod, EventTypes.Normal, "Started", "Started container main");

        var recorded = Assert.Single(_store.All);
        Assert.Equal(new InvolvedObject { ApiVersion = "v1", Kind = "Pod", Namespace = "team-a", Name = "train", Uid = "0f5c" }, recorded.InvolvedObject);
        Assert.Equal(("Normal", "Started", "Started container main"), (recorded.Type, recorded.Reason, recorded.Message));
        Assert.Equal("pod-controller", recorded.Source);
        Assert.Equal(_time.GetUtcNow(), recorded.FirstTimestamp);
        Assert.Equal(_time.GetUtcNow(), recorded.LastTimestamp);
    }

    [Fact]
    public async Task RecordAsync_SameEventTwice_FoldsIntoOneWithCountAndLastTime()
    {
        var first = _time.GetUtcNow();
        await _recorder.RecordAsync(_pod, EventTypes.Warning, "BackOff", "Back-off restarting failed container");
        _time.Advance(TimeSpan.FromSeconds(20));
        await _recorder.RecordAsync(_pod, EventTypes.Warning, "BackOff", "Back-off restarting failed container");
        await _recorder.RecordAsync(_pod, EventTypes.Warning, "BackOff", "Back-off restarting another container");

        Assert.Equal(2, _store.All.Count);
        var folded = _store.All[0];
        Assert.Equal(2, folded.Count);
        Assert.Equal(first, folded.FirstTimestamp);
        Assert.Equal(first.AddSeconds(20), folded.LastTimestamp);
    }

    [Fact]
    public async Task RecordAsync_StoreFails_DoesNotThrow()
    {
        _store.FailWith = new IOException("disk full");

        await _recorder.RecordAsync(_pod, EventTypes.Normal, "Started", "Started container main");

        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task RecordAsync_LongMessage_IsTruncatedTo1024Characters()
    {
        await _recorder.RecordAsync(_pod, EventTypes.Warning, "Failed", new string('x', 5000));

        Assert.Equal(1024, Assert.Single(_store.All).Message.Length);
    }
}
