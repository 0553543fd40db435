using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>
/// A temporary task directory for one component run: builds the executor input by hand (output
/// files and artifact URIs inside the directory), runs <c>python3 -m kfp.dsl.executor_main</c> with
/// the built runtime on PYTHONPATH, and reads back what the component wrote.
/// </summary>
internal sealed class ComponentWorkspace : IDisposable
{
    private readonly JsonObject parameterValues = [];
    private readonly JsonObject inputArtifacts = [];
    private readonly JsonObject outputParameters = [];
    private readonly JsonObject outputArtifacts = [];

    public ComponentWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "sharpflow-kfp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public static string RuntimeDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "python");

    public string Root { get; }

    public string ExecutorOutputPath => Path.Combine(Root, "outputs", "executor_output.json");

    public Dictionary<string, string> Environment { get; } = new() { ["PYTHONPATH"] = RuntimeDirectory };

    public ComponentWorkspace Parameter(string name, JsonNode? value)
    {
        parameterValues[name] = value;
        return this;
    }

    public ComponentWorkspace InputArtifact(string name, string schemaTitle, string uri, JsonObject? metadata = null)
    {
        inputArtifacts[name] = ArtifactList(RuntimeArtifact(name, schemaTitle, uri, metadata));
        return this;
    }

    public ComponentWorkspace InputArtifacts(string name, string schemaTitle, params string[] uris)
    {
        inputArtifacts[name] = new JsonObject
        {
            ["artifacts"] = new JsonArray([.. uris.Select((uri, i) => RuntimeArtifact($"{name}-{i}", schemaTitle, uri, null))]),
        };
        return this;
    }

    public ComponentWorkspace OutputParameter(string name)
    {
        outputParameters[name] = new JsonObject { ["outputFile"] = OutputParameterPath(name) };
        return this;
    }

    /// <summary>Declares an output artifact; its URI is a nested path that does not exist yet.</summary>
    public ComponentWorkspace OutputArtifact(string name, string schemaTitle, string? uri = null)
    {
        outputArtifacts[name] = ArtifactList(RuntimeArtifact(name, schemaTitle, uri ?? OutputArtifactPath(name), null));
        return this;
    }

    public string OutputParameterPath(string name) => Path.Combine(Root, "outputs", "parameters", name);

    public string OutputArtifactPath(string name) => Path.Combine(Root, "artifacts", "task", "salt", name);

    public string ExecutorInput() => new JsonObject
    {
        ["inputs"] = new JsonObject
        {
            ["parameterValues"] = parameterValues.DeepClone(),
            ["artifacts"] = inputArtifacts.DeepClone(),
        },
        ["outputs"] = new JsonObject
        {
            ["parameters"] = outputParameters.DeepClone(),
            ["artifacts"] = outputArtifacts.DeepClone(),
            ["outputFile"] = ExecutorOutputPath,
        },
    }.ToJsonString();

    public Task<ProcessResult> RunAsync(ExecutorContainer executor) => RunAsync(executor.Source, executor.Function);

    public async Task<ProcessResult> RunAsync(string source, string function)
    {
        var module = Path.Combine(Root, "program", "ephemeral_component.py");
        Directory.CreateDirectory(Path.GetDirectoryName(module)!);
        await File.WriteAllTextAsync(module, source);
        return await ProcessRunner.RunAsync(
            ProcessRunner.Python,
            ["-m", "kfp.dsl.executor_main", "--component_module_path", module,
                "--executor_input", ExecutorInput(), "--function_to_execute", function],
            Environment);
    }

    public JsonObject ExecutorOutput() => JsonNode.Parse(File.ReadAllText(ExecutorOutputPath))!.AsObject();

    public JsonObject OutputArtifactMetadata(string name) =>
        ExecutorOutput()["artifacts"]![name]!["artifacts"]![0]!["metadata"]!.AsObject();

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static JsonObject ArtifactList(JsonObject artifact) => new() { ["artifacts"] = new JsonArray(artifact) };

    private static JsonObject RuntimeArtifact(string name, string schemaTitle, string uri, JsonObject? metadata) => new()
    {
        ["name"] = name,
        ["type"] = new JsonObject { ["schemaTitle"] = schemaTitle, ["schemaVersion"] = "0.0.1" },
        ["uri"] = uri,
        ["metadata"] = metadata ?? [],
    };
}
