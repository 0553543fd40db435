using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Tests.Values;

public class KfpJsonTests
{
    [Fact]
    public void Compact_Value_KeepsOrderAndShortNumbers() =>
        Assert.Equal("""{"b":1,"a":[2.5,true,null,"x<y"]}""", KfpJson.Compact(JsonNode.Parse("""{"b": 1.0, "a": [2.5, true, null, "x<y"]}""")));

    [Fact]
    public void Canonical_Value_SortsKeysAndEscapesLikeGo() =>
        Assert.Equal(
            """{"B":1,"a":{"y":"\u003ctag\u003e \u0026","z":"line\nbreak\u0001"},"é":2}""",
            KfpJson.Canonical(JsonNode.Parse("""{"é": 2, "a": {"z": "line\nbreak\u0001", "y": "<tag> &"}, "B": 1}""")));

    [Fact]
    public void Canonical_EqualValuesBuiltDifferently_GiveEqualText() =>
        Assert.Equal(
            KfpJson.Canonical(new JsonObject { ["x"] = 1L, ["y"] = new JsonArray("a") }),
            KfpJson.Canonical(JsonNode.Parse("""{"y": ["a"], "x": 1.0}""")));
}
