using System.Text.RegularExpressions;
using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Selectors;

/// <summary>Kubernetes rules for label keys (optionally prefixed qualified names) and label values.</summary>
public static partial class LabelSyntax
{
    public const int MaxNameLength = 63;

    /// <summary>Returns null when <paramref name="key"/> is a valid label key, else what is wrong with it.</summary>
    public static string? ValidateKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = key;
        if (slash >= 0)
        {
            var prefix = key[..slash];
            name = key[(slash + 1)..];
            if (prefix.Length == 0)
            {
                return $"label key \"{key}\" has an empty prefix before '/'";
            }

            if (Names.ValidateSubdomain(prefix) is not null)
            {
                return $"the prefix of label key \"{key}\" must be a lowercase DNS subdomain (e.g. 'example.com')";
            }
        }

        if (name.Length == 0)
        {
            return $"label key \"{key}\" has an empty name";
        }

        return name.Length <= MaxNameLength && NamePart().IsMatch(name)
            ? null
            : $"label key \"{key}\" must be at most {MaxNameLength} characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
    }

    /// <summary>Returns null when <paramref name="value"/> is a valid label value, else what is wrong with it.</summary>
    public static string? ValidateValue(string value) =>
        value.Length == 0 || (value.Length <= MaxNameLength && NamePart().IsMatch(value))
            ? null
            : $"label value \"{value}\" must be empty or at most {MaxNameLength} characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex NamePart();
}
