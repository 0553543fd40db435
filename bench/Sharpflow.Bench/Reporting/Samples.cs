namespace Sharpflow.Bench.Reporting;

/// <summary>Durations of repeated operations, summarized as percentiles in milliseconds.</summary>
internal sealed class Samples
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _lock = new();

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan duration)
    {
        lock (_lock)
        {
            _milliseconds.Add(duration.TotalMilliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToList();
            var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
        }
    }
}
