using Microsoft.Extensions.Time.Testing;

namespace Sharpflow.Core.Tests;

/// <summary>Waits for background work to reach a condition, optionally moving fake time forward while waiting.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task TrueAsync(Func<bool> condition, string what, FakeTimeProvider? time = null, TimeSpan? step = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, time, step);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, FakeTimeProvider? time = null, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            if (time is not null)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }

            // Yield the thread so background loops run; this polls a condition, it does not wait for time to pass.
            await Task.Delay(2);
        }
    }
}
