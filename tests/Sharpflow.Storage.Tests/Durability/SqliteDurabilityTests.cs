using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Tests.Contract;

namespace Sharpflow.Storage.Tests.Durability;

public sealed class SqliteDurabilityTests : IDisposable
{
    private const int AcknowledgedBeforeKill = 300;

    private readonly SqliteDatabaseFixture _database = new();

    [Fact]
    public async Task CreateAsync_WriterKilledWithSigkill_KeepsEveryAcknowledgedCreate()
    {
        var acknowledged = new List<string>();
        using (var writer = StartWriter())
        {
            while (acknowledged.Count < AcknowledgedBeforeKill)
            {
                var line = await writer.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
                    ?? throw new InvalidOperationException($"The writer exited early: {await writer.StandardError.ReadToEndAsync()}");
                acknowledged.Add(line[DurabilityWriter.Acknowledged.Length..]);
            }

            writer.Kill();
            await writer.WaitForExitAsync();

            // Lines printed before the kill are acknowledged too: the pipe still holds them.
            while (await writer.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(DurabilityWriter.Acknowledged, StringComparison.Ordinal))
                {
                    acknowledged.Add(line[DurabilityWriter.Acknowledged.Length..]);
                }
            }
        }

        await using var host = new StoreHost(_database, new FakeTimeProvider());
        var stored = await host.Resources.ListAsync(new ListQuery { Group = TestKinds.Group, Kind = TestKinds.Widget.Kind, Namespace = DurabilityWriter.Namespace });
        var names = stored.Items.Select(i => i.Metadata.Name!).ToHashSet();
        Assert.All(acknowledged, name => Assert.Contains(name, names));
        Assert.True(names.Count >= acknowledged.Count);
        Assert.NotNull(await host.Resources.GetAsync(new ResourceKey(TestKinds.Group, TestKinds.Widget.Kind, DurabilityWriter.Namespace, acknowledged[^1])));
    }

    public void Dispose() => _database.Dispose();

    private Process StartWriter()
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(DurabilityWriter).Assembly.Location);
        start.ArgumentList.Add(DurabilityWriter.Verb);
        start.ArgumentList.Add(_database.ConnectionString);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the durability writer.");
    }
}
