using System.Diagnostics.Metrics;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Bench.Pipelines;

/// <summary>Counts Run reconciles and the time spent in them, from the controller runtime's metrics, while it is alive.</summary>
internal sealed class ReconcileMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;
    private double _seconds;

    public ReconcileMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ControllerDiagnostics.Name && instrument.Name == "sharpflow.controller.reconcile.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "controller", Value: "Run" })
                {
                    Interlocked.Increment(ref _count);
                    lock (_listener)
                    {
                        _seconds += seconds;
                    }
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public double Seconds
    {
        get
        {
            lock (_listener)
            {
                return _seconds;
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
