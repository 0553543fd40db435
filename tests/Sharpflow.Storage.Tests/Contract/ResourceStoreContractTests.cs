using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Tests.Contract;

/// <summary>
/// The behaviour every store provider must show. Subclasses supply the database; each test works in
/// its own namespace so tests of one class can share it.
/// </summary>
public abstract partial class ResourceStoreContractTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly List<StoreHost> _hosts = [];

    protected ResourceStoreContractTests(IStoreDatabase database)
    {
        Database = database;
        Namespace = "t-" + Guid.NewGuid().ToString("N")[..10];
    }

    protected IStoreDatabase Database { get; }

    protected string Namespace { get; }

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected StoreHost Host { get; private set; } = null!;

    protected IResourceStore Store => Host.Resources;

    public Task InitializeAsync()
    {
        Host = StartHost(out var time);
        Time = time;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Starts another host (a restart, or a second replica) over the same database.</summary>
    protected StoreHost StartHost(out FakeTimeProvider time, Action<StorageOptions>? configure = null)
    {
        var host = StoreHost.WithFakeTime(Database, out time, configure);
        _hosts.Add(host);
        return host;
    }

    protected Resource Widget(string name, IReadOnlyDictionary<string, string>? labels = null, int size = 1, string? ns = null) => new()
    {
        ApiVersion = TestKinds.ApiVersion,
        Kind = TestKinds.Widget.Kind,
        Metadata = new ObjectMeta { Name = name, Namespace = ns ?? Namespace, Labels = labels },
        Spec = new JsonObject { ["size"] = size },
    };

    protected ResourceKey WidgetKey(string name, string? ns = null) => new(TestKinds.Group, TestKinds.Widget.Kind, ns ?? Namespace, name);

    protected ListQuery WidgetQuery(string? labelSelector = null, string? fieldSelector = null, int? limit = null, string? continueToken = null) => new()
    {
        Group = TestKinds.Group,
        Kind = TestKinds.Widget.Kind,
        Namespace = Namespace,
        LabelSelector = labelSelector,
        FieldSelector = fieldSelector,
        Limit = limit,
        Continue = continueToken,
    };

    protected static async Task<List<WatchEvent>> CollectAsync(IAsyncEnumerable<WatchEvent> watch, int count)
    {
        var received = new List<WatchEvent>();
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            await foreach (var e in watch.WithCancellation(timeout.Token))
            {
                received.Add(e);
                if (received.Count == count)
                {
                    return received;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"Expected {count} watch events within {WaitLimit}, got {received.Count}: "
            + string.Join(", ", received.Select(e => $"{e.Type} {e.Object.Metadata.Name}@{e.Object.Metadata.ResourceVersion}")));
    }

    protected static long Version(Resource resource) => long.Parse(resource.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);

    protected static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) => labels.ToDictionary(l => l.Key, l => l.Value);
}
