using System.Security.Cryptography;

namespace Sharpflow.Storage.Resources;

/// <summary>Completes metadata.generateName with five random characters, as Kubernetes does.</summary>
internal static class NameGenerator
{
    // Kubernetes' alphabet: no vowels (no accidental words) and no look-alike characters.
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int SuffixLength = 5;
    private const int MaxPrefixLength = 63 - SuffixLength;

    public static string Generate(string prefix)
    {
        if (prefix.Length > MaxPrefixLength)
        {
            prefix = prefix[..MaxPrefixLength];
        }

        return prefix + RandomNumberGenerator.GetString(Alphabet, SuffixLength);
    }
}
