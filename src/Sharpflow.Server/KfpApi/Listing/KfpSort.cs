using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>A list's order: <c>sort_by</c> as <c>"field"</c>, <c>"field asc"</c> or <c>"field desc"</c>; by creation time when not given.</summary>
internal sealed record KfpSort(string Key, bool Descending)
{
    public const string DefaultKey = "created_at";

    public static KfpSort Parse<T>(string? sortBy, KfpListFields<T> fields)
    {
        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return new KfpSort(DefaultKey, false);
        }

        var parts = sortBy.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var descending = parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        if (parts.Length > 2 || (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
        {
            throw KfpErrors.InvalidArgument("sort_by", $"\"{sortBy}\" is not \"field\", \"field asc\" or \"field desc\"");
        }

        return fields.TryGet(parts[0], out var key, out _)
            ? new KfpSort(key, descending)
            : throw KfpErrors.InvalidArgument("sort_by", $"{fields.Resource} cannot be sorted by \"{parts[0]}\"; use one of {fields.Describe()}");
    }
}
