using System.Runtime.CompilerServices;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>The Run calls of the pipeline commands, in one namespace, with not-found errors that say where to look.</summary>
internal sealed class RunClient(SharpflowClient client, string ns)
{
    private const int PageSize = 500;

    private KindInfo? _kind;

    public SharpflowClient Client { get; } = client;

    public string Namespace { get; } = ns;

    public async Task<KindInfo> KindAsync(CancellationToken cancellationToken) =>
        _kind ??= await Client.GetKindAsync(PipelineKinds.Run.ApiVersion, PipelineKinds.Run.Kind, cancellationToken);

    public async Task<Resource> CreateAsync(Resource run, CancellationToken cancellationToken)
    {
        await KindAsync(cancellationToken);
        return await Client.CreateAsync(run, cancellationToken);
    }

    public async Task<Resource> GetAsync(string name, CancellationToken cancellationToken)
    {
        var kind = await KindAsync(cancellationToken);
        return await NamedAsync(name, () => Client.GetAsync(kind, Namespace, name, cancellationToken));
    }

    /// <summary>Every run of the namespace, or of all namespaces when <paramref name="allNamespaces"/>, page by page.</summary>
    public async Task<IReadOnlyList<Resource>> ListAsync(bool allNamespaces, CancellationToken cancellationToken)
    {
        var kind = await KindAsync(cancellationToken);
        var ns = allNamespaces ? null : Namespace;
        var options = new ListOptions { Limit = PageSize };
        var page = await Client.ListAsync(kind, ns, options, cancellationToken);
        var items = page.Items.ToList();
        while (!string.IsNullOrEmpty(page.Metadata.Continue))
        {
            page = await Client.ListAsync(kind, ns, options with { Continue = page.Metadata.Continue }, cancellationToken);
            items.AddRange(page.Items);
        }

        return items;
    }

    public async Task<Resource> PatchAsync(string name, string mergePatch, CancellationToken cancellationToken)
    {
        var kind = await KindAsync(cancellationToken);
        return await NamedAsync(name, () => Client.PatchAsync(kind, Namespace, name, mergePatch, cancellationToken));
    }

    public async Task<Resource> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var kind = await KindAsync(cancellationToken);
        return await NamedAsync(name, () => Client.DeleteAsync(kind, Namespace, name, cancellationToken: cancellationToken));
    }

    public Task<List<TaskExecution>> ListTasksAsync(string name, CancellationToken cancellationToken) =>
        NamedAsync(name, () => Client.ListRunTasksAsync(Namespace, name, cancellationToken));

    /// <summary>Changes to the namespace's runs after <paramref name="resourceVersion"/>, until the server ends the stream.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string? resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kind = await KindAsync(cancellationToken);
        await foreach (var change in Client.WatchAsync(kind, Namespace, resourceVersion, cancellationToken: cancellationToken))
        {
            yield return change;
        }
    }

    public ResourceException NotFound(string name) => ResourceException.NotFound(
        $"run \"{name}\" not found in namespace \"{Namespace}\"; 'sharpflow runs list -n {Namespace}' shows the runs in namespace {Namespace}");

    private async Task<T> NamedAsync<T>(string name, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ResourceException e) when (e.Code == 404)
        {
            throw NotFound(name);
        }
    }
}
