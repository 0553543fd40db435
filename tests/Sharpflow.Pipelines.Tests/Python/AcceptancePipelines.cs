using YamlDotNet.RepresentationModel;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>Reads executors from the compiled KFP pipelines of the acceptance set.</summary>
internal static class AcceptancePipelines
{
    public static ExecutorContainer Executor(string file, string executorLabel)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(AcceptanceFiles.Directory, file)))
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
}
