using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sharpflow.Core.Controllers;

/// <summary>Tracing and metrics of the controller runtime; register <see cref="Name"/> with OpenTelemetry.</summary>
public static class ControllerDiagnostics
{
    /// <summary>The name of both the ActivitySource and the Meter.</summary>
    public const string Name = "Sharpflow.Controllers";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Reconciles = Meter.CreateCounter<long>(
        "sharpflow.controller.reconciles", description: "Reconciles run, tagged by controller kind and result.");

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "sharpflow.controller.reconcile_errors", description: "Reconciles that threw and were requeued with backoff.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "sharpflow.controller.reconcile.duration", unit: "s", description: "Time spent in one reconcile.");
}
