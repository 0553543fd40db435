using System.Diagnostics;

namespace Sharpflow.Testing;

/// <summary>Waits on a condition instead of sleeping: checks it until it holds or the timeout passes.</summary>
public static class TestWait
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Throws <see cref="TimeoutException"/> naming <paramref name="what"/> when the condition does not hold in time.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }

                last = null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A condition may fail while the thing it watches is still starting; keep the error for the report.
                last = e;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"{what ?? "the condition"} did not hold within {timeout.TotalSeconds:0.#} s", last);
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string? what = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
