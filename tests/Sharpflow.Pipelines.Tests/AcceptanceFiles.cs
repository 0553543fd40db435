using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Tests;

/// <summary>The compiled KFP pipelines of the acceptance set, with the pipelines tests' helpers for reading them.</summary>
internal static class AcceptanceFiles
{
    public static string Directory => Testing.Acceptance.AcceptanceFiles.KfpDirectory;

    /// <summary>Every pipeline listed in MANIFEST.tsv, as a path relative to the acceptance directory.</summary>
    public static IReadOnlyList<string> Names { get; } = File.ReadAllLines(Path.Combine(Directory, "MANIFEST.tsv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t')[0])
        .ToList();

    public static TheoryData<string> All => [.. Names];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static PipelinePackage Parse(string name) => PipelineSpecParser.Parse(Read(name));
}
