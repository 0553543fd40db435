using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>Builds the Run resource that runs a compiled pipeline inline, its documents passed on unchanged.</summary>
internal static class RunResources
{
    public static Resource Inline(PipelinePackage package, RunSettings settings)
    {
        var spec = new JsonObject { ["pipelineSpec"] = package.SpecJson.DeepClone() };
        if (package.PlatformSpec is not null)
        {
            spec["platformSpec"] = package.PlatformSpec.DeepClone();
        }

        var runtimeConfig = new JsonObject();
        if (settings.Parameters.Count > 0)
        {
            runtimeConfig["parameters"] = settings.Parameters.DeepClone();
        }

        if (!string.IsNullOrEmpty(settings.PipelineRoot))
        {
            runtimeConfig["pipelineRoot"] = settings.PipelineRoot;
        }

        if (runtimeConfig.Count > 0)
        {
            spec["runtimeConfig"] = runtimeConfig;
        }

        if (!string.IsNullOrEmpty(settings.Experiment))
        {
            spec["experimentName"] = settings.Experiment;
        }

        if (settings.NoCache)
        {
            spec["enableCaching"] = false;
        }

        return new Resource
        {
            ApiVersion = PipelineKinds.Run.ApiVersion,
            Kind = PipelineKinds.Run.Kind,
            Metadata = new ObjectMeta { Name = settings.Name, Namespace = settings.Namespace },
            Spec = spec,
        };
    }
}
