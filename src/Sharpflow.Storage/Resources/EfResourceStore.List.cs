using Microsoft.EntityFrameworkCore;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Resources;

internal sealed partial class EfResourceStore
{
    public async Task<ResourceList> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var labels = LabelSelector.Parse(query.LabelSelector);
        var fields = FieldSelector.Parse(query.FieldSelector);
        var traits = kinds.Find(query.Group, query.Kind);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Read the version first: a watch from it may replay a change the list already shows, but never misses one.
        var (version, _) = await ReadStateAsync(db, cancellationToken);
        var rows = db.Resources.Where(r => r.Group == query.Group && r.Kind == query.Kind);
        if (traits.Namespaced && query.Namespace is { } ns)
        {
            rows = rows.Where(r => r.Namespace == ns);
        }

        rows = rows.WhereFields(fields).WhereLabels(labels);
        if (!string.IsNullOrEmpty(query.Continue))
        {
            var (afterNamespace, afterName) = ContinueToken.Decode(query.Continue);
            rows = rows.Where(r => string.Compare(r.Namespace, afterNamespace) > 0
                || (r.Namespace == afterNamespace && string.Compare(r.Name, afterName) > 0));
        }

        var ordered = rows.OrderBy(r => r.Namespace).ThenBy(r => r.Name).Select(r => new { r.Namespace, r.Name, r.Body });
        var limit = query.Limit is > 0 ? query.Limit.Value : (int?)null;
        var page = limit is { } take
            ? await ordered.Take(take + 1).ToListAsync(cancellationToken)
            : await ordered.ToListAsync(cancellationToken);
        var more = limit is not null && page.Count > limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var items = ResourceJson.DeserializeAll(page.Select(r => r.Body).ToList());

        return new ResourceList
        {
            ApiVersion = items.Count > 0 ? items[0].ApiVersion : kinds.ApiVersionOf(query.Group, query.Kind),
            Kind = $"{query.Kind}List",
            Metadata = new ListMeta
            {
                ResourceVersion = FormatVersion(version),
                Continue = more ? ContinueToken.Encode(page[^1].Namespace, page[^1].Name) : null,
            },
            Items = items,
        };
    }
}
