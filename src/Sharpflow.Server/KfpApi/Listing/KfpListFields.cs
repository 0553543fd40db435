using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>The keys of one KFP list (snake_case; camelCase spellings are accepted), and how to read each from an item.</summary>
internal sealed class KfpListFields<T>(string resource, Func<T, string> id, IReadOnlyDictionary<string, KfpField<T>> fields)
{
    /// <summary>The list's name, e.g. "runs"; page tokens carry it so that a token of one list is refused by another.</summary>
    public string Resource { get; } = resource;

    public Func<T, string> Id { get; } = id;

    public IEnumerable<string> Keys => fields.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string key, out string name, out KfpField<T> field)
    {
        name = KfpBody.SnakeCase(key.Trim());
        return fields.TryGetValue(name, out field!);
    }

    public string Describe() => string.Join(", ", Keys);

    /// <summary>Normalizes a state-like enum value: upper case, without the proto enum's type prefix ("STORAGESTATE_ARCHIVED" → "ARCHIVED").</summary>
    public static string EnumValue(string value)
    {
        var upper = value.Trim().ToUpperInvariant();
        foreach (var prefix in (string[])["STORAGESTATE_", "STORAGE_STATE_", "RUNTIMESTATE_", "RUNTIME_STATE_", "STATUS_", "MODE_"])
        {
            if (upper.StartsWith(prefix, StringComparison.Ordinal) && upper.Length > prefix.Length)
            {
                return upper[prefix.Length..];
            }
        }

        return upper;
    }
}
