using System.Text;

namespace Sharpflow.Testing.S3;

/// <summary>S3 lists keys in UTF-8 byte order, which is code point order (ordinal UTF-16 differs above U+D7FF).</summary>
internal sealed class S3KeyComparer : IComparer<string>
{
    public static S3KeyComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    public static bool IsUtf8Length(string key, int maxBytes) => Encoding.UTF8.GetByteCount(key) <= maxBytes;
}
