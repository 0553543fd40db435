using System.Diagnostics.Metrics;

namespace Sharpflow.Server.Observability;

/// <summary>The server's own instruments, exported with everything else at /metrics.</summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "Sharpflow.Server";

    private readonly Counter<long> _requests;
    private readonly UpDownCounter<long> _watches;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("sharpflow.api.requests", "{request}", "API requests answered, by method and status code.");
        _watches = meter.CreateUpDownCounter<long>("sharpflow.api.watches", "{watch}", "Watch streams open now.");
    }

    public void RequestCompleted(string method, int statusCode) =>
        _requests.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("code", statusCode));

    public void WatchStarted() => _watches.Add(1);

    public void WatchEnded() => _watches.Add(-1);
}
