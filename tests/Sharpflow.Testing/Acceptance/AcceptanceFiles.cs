namespace Sharpflow.Testing.Acceptance;

/// <summary>
/// The upstream files the product must accept, unmodified: <c>shared/acceptance/{area}</c> beside the repository
/// (found by walking up from the test binaries), or below <c>SHARPFLOW_ACCEPTANCE_DIR</c> when it is set.
/// </summary>
public static class AcceptanceFiles
{
    private const string DirectoryVariable = "SHARPFLOW_ACCEPTANCE_DIR";

    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Compiled KFP pipelines, listed with their expected final state in <c>MANIFEST.tsv</c>.</summary>
    public static string KfpDirectory => Path.Combine(Root.Value, "kfp");

    /// <summary>The folder of one area ("kfp", "katib", "training", "kserve").</summary>
    public static string Directory(string area) => Path.Combine(Root.Value, area);

    /// <summary>A compiled KFP pipeline by its path relative to the kfp folder, e.g. "critical/flip_coin.yaml".</summary>
    public static string KfpPath(string name) => Path.Combine(KfpDirectory, name);

    public static string ReadKfp(string name) => File.ReadAllText(KfpPath(name));

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "acceptance");
            if (File.Exists(Path.Combine(candidate, "kfp", "MANIFEST.tsv")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The acceptance files were not found in shared/acceptance above {AppContext.BaseDirectory}; set {DirectoryVariable} to that folder.");
    }
}
