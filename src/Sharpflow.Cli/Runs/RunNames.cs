using System.Security.Cryptography;
using System.Text;
using Sharpflow.Api.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>Default run names: the pipeline name made DNS-1123 safe, plus a short random suffix (as Kubernetes' generateName).</summary>
internal static class RunNames
{
    private const int SuffixLength = 5;

    // Kubernetes' alphabet for generated names: no vowels (no words), no 0/1/3 (no look-alikes).
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string pipelineName)
    {
        var stem = Stem(pipelineName);
        var maxStem = Names.MaxLabelLength - SuffixLength - 1;
        stem = stem.Length <= maxStem ? stem : stem[..maxStem].TrimEnd('-');
        var suffix = new string([.. Enumerable.Range(0, SuffixLength).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])]);
        return stem.Length == 0 ? "run-" + suffix : $"{stem}-{suffix}";
    }

    /// <summary>"My_Pipeline v2" → "my-pipeline-v2": lower-case letters and digits, other runs of characters as one '-'.</summary>
    private static string Stem(string pipelineName)
    {
        var builder = new StringBuilder();
        foreach (var c in pipelineName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
