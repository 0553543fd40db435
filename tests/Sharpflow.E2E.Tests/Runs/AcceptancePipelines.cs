using System.Text.Json.Nodes;
using Sharpflow.Api.Serialization;

namespace Sharpflow.E2E.Tests.Runs;

/// <summary>The compiled KFP pipelines of shared/acceptance/kfp beside the repository (or SHARPFLOW_KFP_ACCEPTANCE_DIR), unedited.</summary>
internal static class AcceptancePipelines
{
    private const string DirectoryVariable = "SHARPFLOW_KFP_ACCEPTANCE_DIR";

    public const string HelloWorld = "hello_world.yaml";
    public const string CollectedParameters = "critical/collected_parameters.yaml";
    public const string FlipCoin = "critical/flip_coin.yaml";
    public const string ExitHandler = "failing/pipeline_with_exit_handler.yaml";
    public const string Importer = "pipeline_with_importer.yaml";
    public const string LongRunning = "long-running.yaml";

    public static string Directory { get; } = Locate();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>The pipeline spec (the first YAML document) as JSON, as a run stores it.</summary>
    public static JsonObject Spec(string name) => ResourceYaml.ParseDocuments(Read(name))[0];

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
