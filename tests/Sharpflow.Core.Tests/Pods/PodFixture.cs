using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Pods;
using Sharpflow.Core.Tests.Fakes;

namespace Sharpflow.Core.Tests.Pods;

/// <summary>A pod reconciler over the in-memory store and the fake runtime, driven one reconcile at a time.</summary>
internal sealed class PodFixture
{
    public PodFixture()
    {
        Store = new InMemoryResourceStore(Time);
        Runtime = new FakeWorkloadRuntime(Time);
        Reconciler = new PodReconciler(Store, Runtime, new EventRecorderFactory(Events, Time, NullLogger<EventRecorder>.Instance), Time, NullLogger<PodReconciler>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public InMemoryResourceStore Store { get; }

    public FakeWorkloadRuntime Runtime { get; }

    public InMemoryEventStore Events { get; } = new();

    public PodReconciler Reconciler { get; }

    public static ResourceKey Key(string name) => new(string.Empty, "Pod", "default", name);

    public Task<Resource> CreateAsync(string name, string spec) => Store.CreateAsync(new Resource
    {
        ApiVersion = "v1",
        Kind = BuiltInKinds.Pod.Kind,
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = JsonNode.Parse(spec)!.AsObject(),
    });

    public Task<ReconcileResult> ReconcileAsync(string name) => Reconciler.ReconcileAsync(Key(name), CancellationToken.None);

    public async Task<Resource> GetAsync(string name) => (await Store.GetAsync(Key(name)))!;

    public async Task<PodStatus> StatusAsync(string name) => (await GetAsync(name)).GetStatus<PodStatus>()!;

    public async Task<string> WorkloadIdAsync(string name) => (await StatusAsync(name)).WorkloadId!;
}
