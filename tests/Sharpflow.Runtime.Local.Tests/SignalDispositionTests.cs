using System.Globalization;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class SignalDispositionTests
{
    [Fact]
    public async Task StartAsync_Command_SeesNoIgnoredOrBlockedSignals()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("signals", "grep -E '^(SigIgn|SigBlk)' /proc/self/status"));
        await harness.WaitForFinishAsync("signals");

        foreach (var line in await harness.ReadLogAsync("signals"))
        {
            var mask = ulong.Parse(line.Split('\t')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.True(mask == 0, $"the command inherited {line}");
        }
    }
}
