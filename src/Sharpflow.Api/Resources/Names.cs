using System.Text.RegularExpressions;

namespace Sharpflow.Api.Resources;

/// <summary>Kubernetes name rules (DNS-1123), with messages that say what to change.</summary>
public static partial class Names
{
    public const int MaxSubdomainLength = 253;
    public const int MaxLabelLength = 63;

    /// <summary>Checks a DNS-1123 subdomain (object names). Returns null when valid, else the reason.</summary>
    public static string? ValidateSubdomain(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a name is required";
        }

        if (name.Length > MaxSubdomainLength)
        {
            return $"must be no more than {MaxSubdomainLength} characters";
        }

        return Subdomain().IsMatch(name)
            ? null
            : $"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com'); got \"{name}\"";
    }

    /// <summary>Checks a DNS-1123 label (namespace names). Returns null when valid, else the reason.</summary>
    public static string? ValidateLabel(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a name is required";
        }

        if (name.Length > MaxLabelLength)
        {
            return $"must be no more than {MaxLabelLength} characters";
        }

        return Label().IsMatch(name)
            ? null
            : $"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name'); got \"{name}\"";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();
}
