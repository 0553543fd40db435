using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>
/// One pipeline server shared by the tests of the "pipeline server" collection; each test uses its own run names.
/// The acceptance pipelines are all submitted together on first use, so that they run side by side.
/// </summary>
public sealed class PipelineServerFixture : IAsyncLifetime
{
    private readonly Lazy<IReadOnlyDictionary<string, Task<FinishedRun>>> _acceptance;
    private readonly ConcurrentDictionary<string, Lazy<Task<FinishedRun>>> _shared = new(StringComparer.Ordinal);

    public PipelineServerFixture()
    {
        _acceptance = new Lazy<IReadOnlyDictionary<string, Task<FinishedRun>>>(StartAcceptanceRuns);
    }

    public PipelineServer Pipelines { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pipelines = await PipelineServer.StartAsync();
        RemoteMirror.Seed(Pipelines.Server.DataDirectory);
    }

    public async Task DisposeAsync() => await Pipelines.DisposeAsync();

    /// <summary>Submits every quick acceptance pipeline (once) and waits for the given one to finish.</summary>
    public Task<FinishedRun> RunAcceptanceAsync(string file) => _acceptance.Value[file];

    /// <summary>Runs a pipeline once under <paramref name="name"/> and returns the finished run to every test that asks for it.</summary>
    public Task<FinishedRun> RunOnceAsync(string name, string pipeline, JsonObject? parameters = null) =>
        _shared.GetOrAdd(name, _ => new Lazy<Task<FinishedRun>>(async () =>
        {
            await Pipelines.SubmitAsync(name, pipeline, parameters);
            return await Pipelines.WaitFinishedAsync(name);
        })).Value;

    private Dictionary<string, Task<FinishedRun>> StartAcceptanceRuns() =>
        AcceptanceManifest.QuickFiles.ToDictionary(file => file, RunAcceptanceFileAsync, StringComparer.Ordinal);

    private async Task<FinishedRun> RunAcceptanceFileAsync(string file)
    {
        var name = AcceptanceManifest.RunName(file);
        var pipeline = AcceptanceFiles.Read(file);
        // Caching is off for these runs so that every task really runs; CachingTests cover cache hits.
        await Pipelines.SubmitAsync(name, pipeline, AcceptanceManifest.RequiredParameters(pipeline), enableCaching: false);
        return await Pipelines.WaitFinishedAsync(name, TimeSpan.FromMinutes(4));
    }
}
