using Sharpflow.Runtime.Local.Launch;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class CommandExpansionTests
{
    private static readonly Dictionary<string, string> Env = new() { ["PORT"] = "8080", ["NAME"] = "x" };

    [Theory]
    [InlineData("--port=$(PORT)", "--port=8080")]
    [InlineData("$(NAME)$(NAME)", "xx")]
    [InlineData("$$(PORT)", "$(PORT)")]
    [InlineData("$(MISSING)", "$(MISSING)")]
    [InlineData("cost: $5", "cost: $5")]
    [InlineData("trailing $", "trailing $")]
    [InlineData("$(unclosed", "$(unclosed")]
    [InlineData("plain", "plain")]
    public void Expand_KubernetesReferences_FollowsKubernetesRules(string input, string expected) =>
        Assert.Equal(expected, CommandExpansion.Expand(input, Env));
}
