using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.Events;

namespace Sharpflow.Dashboard.Model;

/// <summary>Reads a <see cref="NamespaceOverview"/> through the API: one list per namespaced kind, and the event list.</summary>
internal sealed class NamespaceOverviewReader(SharpflowClient client)
{
    private const int CountLimit = 500;
    private const int NewestCount = 8;
    private const int EventCount = 15;

    public async Task<NamespaceOverview> ReadAsync(string ns, CancellationToken cancellationToken)
    {
        var kinds = (await client.GetKindsAsync(cancellationToken)).Where(k => k.Namespaced).ToList();
        var lists = await Task.WhenAll(kinds.Select(async kind => (Kind: kind, List: await ListAsync(kind, ns, cancellationToken))));
        var events = await client.ListEventsAsync(new EventQuery { Namespace = ns, Limit = EventCount }, cancellationToken);
        return new NamespaceOverview
        {
            Counts = [.. lists
                .Where(l => l.List.Items.Count > 0)
                .Select(l => new KindCount(l.Kind, l.List.Items.Count, !string.IsNullOrEmpty(l.List.Metadata.Continue)))
                .OrderByDescending(c => c.Count)
                .ThenBy(c => c.Kind.Kind, StringComparer.Ordinal)],
            Newest = [.. lists
                .SelectMany(l => l.List.Items.Select(r => (l.Kind, Resource: r)))
                .OrderByDescending(p => p.Resource.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
                .Take(NewestCount)],
            Events = events,
        };
    }

    private async Task<ResourceList> ListAsync(KindInfo kind, string ns, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ListAsync(kind, ns, new ListOptions { Limit = CountLimit }, cancellationToken);
        }
        catch (ResourceException)
        {
            // One kind the server cannot list (forbidden, say) must not hide the others.
            return new ResourceList();
        }
    }
}
