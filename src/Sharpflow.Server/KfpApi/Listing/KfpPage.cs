namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>One page of a list: its items, how many items match the filter in all, and the token of the next page.</summary>
internal sealed record KfpPage<T>(IReadOnlyList<T> Items, int TotalSize, string? NextPageToken)
{
    /// <summary>Filters, sorts (ties broken by id) and cuts the items as the request asks.</summary>
    public static KfpPage<T> Of(IEnumerable<T> items, KfpListRequest<T> request, KfpListFields<T> fields)
    {
        if (!fields.TryGet(request.Sort.Key, out _, out var sortField))
        {
            throw new InvalidOperationException($"{fields.Resource} has no sort key {request.Sort.Key}");
        }

        var sign = request.Sort.Descending ? -1 : 1;
        int Compare(KfpValue value, string id, KfpValue otherValue, string otherId)
        {
            var byValue = value.CompareTo(otherValue);
            return sign * (byValue != 0 ? byValue : string.CompareOrdinal(id, otherId));
        }

        var matching = items.Where(request.Filter.Matches)
            .Select(item => (Item: item, Value: sortField.Get(item), Id: fields.Id(item)))
            .ToList();
        matching.Sort((a, b) => Compare(a.Value, a.Id, b.Value, b.Id));
        var remaining = request.Token is { } token
            ? matching.Where(m => Compare(m.Value, m.Id, token.After, token.AfterId) > 0).ToList()
            : matching;
        var page = remaining.Take(request.PageSize).ToList();
        string? next = null;
        if (remaining.Count > page.Count)
        {
            var last = page[^1];
            next = new KfpPageToken(fields.Resource, request.Sort, request.Filter.Raw, last.Value, last.Id).Encode();
        }

        return new KfpPage<T>([.. page.Select(p => p.Item)], matching.Count, next);
    }
}
