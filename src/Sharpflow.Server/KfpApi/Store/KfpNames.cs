using System.Security.Cryptography;
using System.Text;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Resource names for objects created through the KFP API, which names things freely ("My pipeline", "run 2024-01-31
/// 09:00"): the text made a DNS-1123 label (lower case, '-' for anything else, at most 63 characters, so that it also
/// fits the workload labels that carry it), or a generated name when nothing is left.
/// </summary>
internal static class KfpNames
{
    private const int SuffixLength = 5;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string From(string? text, string fallbackPrefix)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? string.Empty).ToLowerInvariant())
        {
            var mapped = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-';
            if (mapped != '-' || (builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(mapped);
            }
        }

        var name = builder.ToString().Trim('-');
        if (name.Length > Names.MaxLabelLength)
        {
            name = name[..Names.MaxLabelLength].TrimEnd('-');
        }

        return name.Length > 0 ? name : $"{fallbackPrefix}-{Suffix()}";
    }

    /// <summary>The name with a random suffix, still at most 63 characters.</summary>
    public static string WithSuffix(string name)
    {
        var room = Names.MaxLabelLength - SuffixLength - 1;
        return $"{(name.Length > room ? name[..room].TrimEnd('-') : name)}-{Suffix()}";
    }

    /// <summary>
    /// Creates the object under <paramref name="baseName"/>, or under the name with a random suffix when that is taken,
    /// so that several objects may share a display name.
    /// </summary>
    public static async Task<Resource> CreateUniqueAsync(IResourceStore store, Resource resource, string baseName, CancellationToken cancellationToken)
    {
        var name = baseName;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.CreateAsync(resource with { Metadata = resource.Metadata with { Name = name } }, cancellationToken);
            }
            catch (ResourceException e) when (e.Code == 409 && e.Reason == "AlreadyExists" && attempt < 5)
            {
                name = WithSuffix(baseName);
            }
        }
    }

    private static string Suffix() =>
        string.Create(SuffixLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
}
