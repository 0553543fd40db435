using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class LoopItemsTests
{
    [Fact]
    public void Expand_RawItems_ParsesTheJsonArray()
    {
        var iterator = AcceptanceFiles.Parse("parallel_and_nested/pipeline_with_loops.yaml").Spec.Root!.Dag!.Tasks["for-loop-4"].ParameterIterator!;

        var items = LoopItems.Expand(iterator, new Dictionary<string, JsonNode?>());

        Assert.Equal(["""{"A_a":"1","B_b":"2"}""", """{"A_a":"10","B_b":"20"}"""], items.Select(i => i!.ToJsonString()));
    }

    [Fact]
    public void Expand_InputParameterList_GivesEachElement()
    {
        var iterator = AcceptanceFiles.Parse("parallel_and_nested/pipeline_with_loops.yaml").Spec.Root!.Dag!.Tasks["for-loop-1"].ParameterIterator!;

        var items = LoopItems.Expand(iterator, new Dictionary<string, JsonNode?> { ["pipelinechannel--loop_parameter"] = new JsonArray("a", "b") });

        Assert.Equal(["a", "b"], items.Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public void Expand_InputParameterHoldingJsonText_ParsesIt()
    {
        var iterator = new ParameterIteratorSpec { Items = new() { InputParameter = "xs" }, ItemInput = "x" };

        var items = LoopItems.Expand(iterator, new Dictionary<string, JsonNode?> { ["xs"] = "[1, 2, 3]" });

        Assert.Equal([1.0, 2.0, 3.0], items.Select(i => i!.GetValue<double>()));
    }

    [Theory]
    [InlineData("""{"a": 1}""", "must be a list, got struct")]
    [InlineData("[1, 2", "not valid JSON")]
    public void Expand_NotAList_Fails(string raw, string reason)
    {
        var error = Assert.Throws<LaunchException>(() =>
            LoopItems.Expand(new ParameterIteratorSpec { Items = new() { Raw = raw } }, new Dictionary<string, JsonNode?>()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_MissingInput_Fails() =>
        Assert.Throws<LaunchException>(() =>
            LoopItems.Expand(new ParameterIteratorSpec { Items = new() { InputParameter = "xs" } }, new Dictionary<string, JsonNode?>()));

    [Fact]
    public void Expand_ArtifactList_GivesOneArtifactPerIteration()
    {
        var artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>
        {
            ["datasets"] = [LaunchFixture.Dataset("/data/a"), LaunchFixture.Dataset("/data/b")],
        };

        var items = LoopItems.Expand(new ArtifactIteratorSpec { Items = new() { InputArtifact = "datasets" }, ItemInput = "d" }, artifacts);

        Assert.Equal(["/data/a", "/data/b"], items.Select(i => Assert.Single(i).Uri));
    }
}
