namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>The compiled KFP pipelines of the acceptance set (shared/acceptance/kfp beside the repository, or SHARPFLOW_KFP_ACCEPTANCE_DIR), unmodified.</summary>
internal static class KfpAcceptanceFiles
{
    private const string DirectoryVariable = "SHARPFLOW_KFP_ACCEPTANCE_DIR";

    public static string Directory { get; } = Locate();

    public static string Path(string name) => System.IO.Path.Combine(Directory, name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "acceptance", "kfp");
            if (File.Exists(System.IO.Path.Combine(candidate, "MANIFEST.tsv")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The KFP acceptance pipelines were not found in shared/acceptance/kfp above {AppContext.BaseDirectory}; set {DirectoryVariable}.");
    }
}
