using YamlDotNet.RepresentationModel;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>
/// Reads executors from the compiled KFP pipelines of the acceptance set (shared/acceptance/kfp
/// beside the repository, or SHARPFLOW_KFP_ACCEPTANCE_DIR).
/// </summary>
internal static class AcceptancePipelines
{
    private const string DirectoryVariable = "SHARPFLOW_KFP_ACCEPTANCE_DIR";

    public static string Directory { get; } = Locate();

    public static ExecutorContainer Executor(string file, string executorLabel)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Directory, file)))
        {
            stream.Load(reader);
        }

        var container = Mapping(Mapping(Mapping(Mapping(
            (YamlMappingNode)stream.Documents[0].RootNode, "deploymentSpec"), "executors"), executorLabel), "container");
        return new ExecutorContainer(Strings(container, "command"), Strings(container, "args"));
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static string[] Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var list)
            ? [.. ((YamlSequenceNode)list).Children.Select(item => ((YamlScalarNode)item).Value ?? "")]
            : [];

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
