using System.Text.Json;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Runs;

/// <summary>A small pipeline run with file and directory artifacts, submitted through the resource API.</summary>
internal static class ArtifactRuns
{
    public const string Runs = "/apis/pipelines.kubeflow.org/v2beta1/namespaces/default/runs";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    // One task writes a file artifact and a directory artifact; a second reads the file.
    public const string RunYaml = """
        apiVersion: pipelines.kubeflow.org/v2beta1
        kind: Run
        metadata:
          name: NAME
        spec:
          pipelineSpec:
            pipelineInfo: {name: artifact-endpoints}
            schemaVersion: 2.1.0
            sdkVersion: kfp-2.7.0
            root:
              dag:
                tasks:
                  produce:
                    taskInfo: {name: produce}
                    componentRef: {name: comp-produce}
                  consume:
                    taskInfo: {name: consume}
                    componentRef: {name: comp-consume}
                    dependentTasks: [produce]
                    inputs:
                      artifacts:
                        report:
                          taskOutputArtifact: {producerTask: produce, outputArtifactKey: report}
            components:
              comp-produce:
                executorLabel: exec-produce
                outputDefinitions:
                  artifacts:
                    report: {artifactType: {schemaTitle: system.Artifact, schemaVersion: 0.0.1}}
                    folder: {artifactType: {schemaTitle: system.Artifact, schemaVersion: 0.0.1}}
              comp-consume:
                executorLabel: exec-consume
                inputDefinitions:
                  artifacts:
                    report: {artifactType: {schemaTitle: system.Artifact, schemaVersion: 0.0.1}}
            deploymentSpec:
              executors:
                exec-produce:
                  container:
                    image: alpine
                    command: [sh, -c, 'echo "hello report" > "$0"; mkdir -p "$1/sub"; echo a > "$1/a.txt"; echo b > "$1/sub/b.txt"', "{{$.outputs.artifacts['report'].path}}", "{{$.outputs.artifacts['folder'].path}}"]
                exec-consume:
                  container:
                    image: alpine
                    command: [sh, -c, 'cat "$0"', "{{$.inputs.artifacts['report'].path}}"]
        """;

    public static async Task<string> RunToSuccessAsync(ServerFixture fixture)
    {
        var name = ServerFixture.UniqueName("artifacts");
        (await fixture.Http.ApiPostAsync(Runs, RunYaml.Replace("NAME", name, StringComparison.Ordinal), "application/yaml")).ShouldSucceedWith(201);
        var state = string.Empty;
        await SharpflowTestServer.WaitUntilAsync(
            async () =>
            {
                var run = JsonDocument.Parse((await fixture.Http.ApiGetAsync($"{Runs}/{name}")).Body).RootElement;
                state = run.TryGetProperty("status", out var status) && status.TryGetProperty("state", out var s) ? s.GetString() ?? string.Empty : string.Empty;
                return state is "SUCCEEDED" or "FAILED";
            },
            RunTimeout,
            $"run {name} to finish");
        Assert.Equal("SUCCEEDED", state);
        return name;
    }
}
