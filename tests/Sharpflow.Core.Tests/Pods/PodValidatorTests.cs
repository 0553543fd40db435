using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Pods;

namespace Sharpflow.Core.Tests.Pods;

public sealed class PodValidatorTests
{
    private readonly PodValidator _validator = new();

    [Fact]
    public void Validate_FullPod_HasNoCauses()
    {
        var causes = _validator.Validate(Pod("""
            {
              "restartPolicy": "OnFailure",
              "activeDeadlineSeconds": 600,
              "containers": [{
                "name": "main", "image": "python:3.12", "command": ["python", "-m", "http.server"], "args": ["8000"],
                "env": [{ "name": "PORT", "value": 8000 }, { "name": "DEBUG", "value": "1" }],
                "resources": { "requests": { "cpu": "500m", "memory": "512Mi" }, "limits": { "cpu": 2, "memory": "1G", "nvidia.com/gpu": 1 } },
                "ports": [{ "name": "http", "containerPort": 8000 }]
              }]
            }
            """));

        Assert.Empty(causes);
    }

    [Fact]
    public void Validate_NoContainers_RequiresThem()
    {
        var cause = Assert.Single(_validator.Validate(Pod("""{ "containers": [] }""")));

        Assert.Equal("spec.containers", cause.Field);
        Assert.Equal("FieldValueRequired", cause.Reason);
    }

    [Fact]
    public void Validate_NoSpec_RequiresOne()
    {
        var pod = new Resource { ApiVersion = "v1", Kind = "Pod", Metadata = new ObjectMeta { Name = "p", Namespace = "default" } };

        Assert.Equal("spec", Assert.Single(_validator.Validate(pod)).Field);
    }

    [Fact]
    public void Validate_ContainerWithoutImageOrCommand_NamesTheField()
    {
        var cause = Assert.Single(_validator.Validate(Pod("""{ "containers": [{ "name": "main" }] }""")));

        Assert.Equal("spec.containers[0].image", cause.Field);
        Assert.Contains("image, a command", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CommandWithoutImage_IsAccepted()
    {
        Assert.Empty(_validator.Validate(Pod("""{ "containers": [{ "name": "main", "command": ["echo", "hi"] }] }""")));
    }

    [Fact]
    public void Validate_BadFields_NamesEachOne()
    {
        var causes = _validator.Validate(Pod("""
            {
              "restartPolicy": "Sometimes",
              "activeDeadlineSeconds": 0,
              "containers": [
                { "name": "Main_1", "image": "x", "resources": { "requests": { "cpu": "lots", "memory": "2Gi" }, "limits": { "memory": "1Gi", "nvidia.com/gpu": "0.5" } } },
                { "name": "side", "image": "x", "ports": [{ "containerPort": 70000 }], "env": [{ "value": "orphan" }] },
                { "name": "side", "image": "x" }
              ]
            }
            """)).Select(c => c.Field).ToList();

        Assert.Equal(
            [
                "spec.containers[0].name",
                "spec.containers[0].resources.requests[cpu]",
                "spec.containers[0].resources.requests[memory]",
                "spec.containers[0].resources.limits[nvidia.com/gpu]",
                "spec.containers[1].env[0].name",
                "spec.containers[1].ports[0].containerPort",
                "spec.containers[2].name",
                "spec.restartPolicy",
                "spec.activeDeadlineSeconds",
            ],
            causes);
    }

    [Fact]
    public void Validate_UnreadableField_ReportsItsPath()
    {
        var cause = Assert.Single(_validator.Validate(Pod("""{ "containers": [{ "name": "main", "image": "x", "ports": [{ "containerPort": "http" }] }] }""")));

        Assert.Equal("spec.containers[0].ports[0].containerPort", cause.Field);
    }

    private static Resource Pod(string spec) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new ObjectMeta { Name = "p", Namespace = "default" },
        Spec = JsonNode.Parse(spec)!.AsObject(),
    };
}
