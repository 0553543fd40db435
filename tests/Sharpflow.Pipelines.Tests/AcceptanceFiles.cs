using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Tests;

/// <summary>The compiled KFP pipelines of the acceptance set (shared/acceptance/kfp beside the repository, or SHARPFLOW_KFP_ACCEPTANCE_DIR).</summary>
internal static class AcceptanceFiles
{
    private const string DirectoryVariable = "SHARPFLOW_KFP_ACCEPTANCE_DIR";

    public static string Directory { get; } = Locate();

    /// <summary>Every pipeline listed in MANIFEST.tsv, as a path relative to the acceptance directory.</summary>
    public static IReadOnlyList<string> Names { get; } = File.ReadAllLines(Path.Combine(Directory, "MANIFEST.tsv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t')[0])
        .ToList();

    public static TheoryData<string> All => [.. Names];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static PipelinePackage Parse(string name) => PipelineSpecParser.Parse(Read(name));

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "acceptance", "kfp");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.tsv")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The KFP acceptance pipelines were not found in shared/acceptance/kfp above {AppContext.BaseDirectory}; set {DirectoryVariable}.");
    }
}
