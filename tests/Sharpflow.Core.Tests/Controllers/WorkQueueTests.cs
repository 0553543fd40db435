using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly WorkQueue<string> _queue;

    public WorkQueueTests()
    {
        _queue = new WorkQueue<string>(_time, new ExponentialBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40)));
    }

    [Fact]
    public async Task Add_SameKeyWhileWaiting_QueuesItOnce()
    {
        _queue.Add("a");
        _queue.Add("b");
        _queue.Add("a");

        Assert.Equal(2, _queue.Count);
        Assert.Equal("a", await _queue.GetAsync(CancellationToken.None));
        Assert.Equal("b", await _queue.GetAsync(CancellationToken.None));
        Assert.False(_queue.GetAsync(CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task Add_KeyBeingProcessed_IsHandedOutAgainOnlyAfterDone()
    {
        _queue.Add("a");
        var key = await _queue.GetAsync(CancellationToken.None);

        _queue.Add("a");
        _queue.Add("a");
        var second = _queue.GetAsync(CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        _queue.Done(key);
        Assert.Equal("a", await second.WaitAsync(TimeSpan.FromSeconds(5)));
        _queue.Done("a");
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task Done_KeyNotAddedMeanwhile_IsNotQueuedAgain()
    {
        _queue.Add("a");
        _queue.Done(await _queue.GetAsync(CancellationToken.None));

        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void AddAfter_Delay_AddsOnlyWhenTheDelayHasPassed()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, _queue.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public async Task AddAfter_EarlierDelayForSameKey_KeepsOnlyTheEarliest()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(10));
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _queue.AddAfter("a", TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _queue.Count);
        _queue.Done(await _queue.GetAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void AddRateLimited_RepeatedFailures_DoublesUpToTheCapAndForgetResets()
    {
        var delays = Enumerable.Range(0, 5).Select(_ => _queue.AddRateLimited("a").TotalMilliseconds).ToList();

        Assert.Equal([5, 10, 20, 40, 40], delays);
        Assert.Equal(5, _queue.Failures("a"));
        _queue.Forget("a");
        Assert.Equal(5, _queue.AddRateLimited("a").TotalMilliseconds);
    }

    [Fact]
    public async Task AddRateLimited_SecondFailure_AddsTheKeyAfterTheLongerBackoff()
    {
        _queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _queue.Done(await _queue.GetAsync(CancellationToken.None));

        _queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(0, _queue.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public async Task ShutDown_WaitingWorker_IsReleasedAndNothingMoreIsQueued()
    {
        var waiting = _queue.GetAsync(CancellationToken.None).AsTask();

        _queue.ShutDown();
        _queue.Add("a");

        await Assert.ThrowsAsync<ChannelClosedException>(async () => await waiting);
        Assert.Equal(0, _queue.Count);
    }
}
