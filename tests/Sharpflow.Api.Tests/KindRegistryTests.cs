using Sharpflow.Api.Kinds;

namespace Sharpflow.Api.Tests;

public class KindRegistryTests
{
    private static readonly ResourceKind KatibExperiment = new() { Group = "kubeflow.org", Version = "v1beta1", Kind = "Experiment", Plural = "experiments" };
    private static readonly ResourceKind PipelineExperiment = new() { Group = "pipelines.kubeflow.org", Version = "v2beta1", Kind = "Experiment", Plural = "experiments" };

    private readonly KindRegistry _registry = new([.. BuiltInKinds.All, KatibExperiment, PipelineExperiment]);

    [Theory]
    [InlineData("configmaps")]
    [InlineData("configmap")]
    [InlineData("cm")]
    [InlineData("ConfigMap")]
    public void Resolve_AnyUserSpelling_FindsTheKind(string name) =>
        Assert.Equal("ConfigMap", Assert.Single(_registry.Resolve(name)).Kind);

    [Fact]
    public void Resolve_SameKindInTwoGroups_ReturnsBoth() =>
        Assert.Equal(2, _registry.Resolve("experiments").Count);

    [Fact]
    public void Resolve_QualifiedWithGroup_IsUnambiguous() =>
        Assert.Same(KatibExperiment, Assert.Single(_registry.Resolve("experiments.kubeflow.org")));

    [Fact]
    public void Find_ByApiVersionAndKind_ReturnsTheRegisteredKind() =>
        Assert.Same(PipelineExperiment, _registry.Find("pipelines.kubeflow.org/v2beta1", "Experiment"));

    [Fact]
    public void FindByPlural_UnknownPlural_ReturnsNull() =>
        Assert.Null(_registry.FindByPlural("kubeflow.org", "v1beta1", "trials"));
}
