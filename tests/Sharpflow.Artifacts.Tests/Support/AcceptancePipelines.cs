namespace Sharpflow.Artifacts.Tests.Support;

/// <summary>The compiled KFP pipelines of the acceptance set (shared/acceptance/kfp above the repository, or SHARPFLOW_KFP_ACCEPTANCE_DIR), read unmodified.</summary>
internal static class AcceptancePipelines
{
    private const string DirectoryVariable = "SHARPFLOW_KFP_ACCEPTANCE_DIR";

    private static readonly Lazy<string> Folder = new(Locate);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder.Value, name));

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
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

        throw new InvalidOperationException($"The KFP acceptance pipelines were not found in shared/acceptance/kfp above {AppContext.BaseDirectory}; set {DirectoryVariable}.");
    }
}
