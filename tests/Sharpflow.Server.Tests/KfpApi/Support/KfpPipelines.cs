using System.Text.Json.Nodes;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>Compiled pipelines as kfp.Client sends them in a run's pipeline_spec (the PipelineSpec document as JSON).</summary>
public static class KfpPipelines
{
    public static JsonObject Spec(string acceptanceFile) => ResourceYaml.ParseDocuments(KfpAcceptanceFiles.Read(acceptanceFile))[0];

    /// <summary>A one-task shell pipeline: <paramref name="script"/> runs with sh -c.</summary>
    public static JsonObject Shell(string name, string script) => ResourceYaml.ParseDocuments($$"""
        components:
          comp-step:
            executorLabel: exec-step
        deploymentSpec:
          executors:
            exec-step:
              container:
                image: alpine
                command: [sh, -c]
                args:
                - '{{script.Replace("'", "''", StringComparison.Ordinal)}}'
        pipelineInfo:
          name: {{name}}
        root:
          dag:
            tasks:
              step:
                cachingOptions: {}
                componentRef:
                  name: comp-step
                taskInfo:
                  name: step
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.14.6
        """)[0];

    /// <summary>A run body with an inline pipeline, as run_pipeline sends it.</summary>
    public static JsonObject RunBody(string displayName, JsonObject spec, JsonObject? parameters = null, string? experimentId = null)
    {
        var body = new JsonObject { ["display_name"] = displayName, ["pipeline_spec"] = spec.DeepClone() };
        if (parameters is not null)
        {
            body["runtime_config"] = new JsonObject { ["parameters"] = parameters.DeepClone() };
        }

        if (experimentId is not null)
        {
            body["experiment_id"] = experimentId;
        }

        return body;
    }
}
