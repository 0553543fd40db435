using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Tests.Engine.Support;

public static class PipelineVersions
{
    public static Resource Pipeline(string name) => new()
    {
        ApiVersion = PipelineKinds.Pipeline.ApiVersion,
        Kind = PipelineKinds.Pipeline.Kind,
        Metadata = new ObjectMeta { Name = name, Namespace = PipelineServer.Namespace },
        Spec = new JsonObject { ["displayName"] = name },
    };

    public static Resource Of(string name, string pipelineName, string pipeline)
    {
        var package = PipelineSpecParser.Parse(pipeline);
        return new Resource
        {
            ApiVersion = PipelineKinds.PipelineVersion.ApiVersion,
            Kind = PipelineKinds.PipelineVersion.Kind,
            Metadata = new ObjectMeta { Name = name, Namespace = PipelineServer.Namespace },
            Spec = new JsonObject { ["pipelineName"] = pipelineName, ["pipelineSpec"] = package.SpecJson.DeepClone() },
        };
    }
}
