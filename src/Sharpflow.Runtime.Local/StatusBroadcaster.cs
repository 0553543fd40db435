using System.Threading.Channels;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local;

/// <summary>Fans status changes out to watchers, one unbounded channel each so a slow watcher never blocks the runtime.</summary>
internal sealed class StatusBroadcaster
{
    private readonly Lock _lock = new();
    private readonly List<Channel<WorkloadStatus>> _subscribers = [];
    private bool _completed;

    public ChannelReader<WorkloadStatus> Subscribe()
    {
        var channel = Channel.CreateUnbounded<WorkloadStatus>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<WorkloadStatus> reader)
    {
        lock (_lock)
        {
            _subscribers.RemoveAll(channel => channel.Reader == reader);
        }
    }

    public void Publish(WorkloadStatus status)
    {
        lock (_lock)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }

    /// <summary>Ends every watch: the runtime is shutting down.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }
}
