using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class DescribeCommandTests(ServerFixture fixture)
{
    [Fact]
    public async Task Describe_ConfigMap_ShowsLabelsAndData()
    {
        var ns = await fixture.CreateNamespaceAsync("describe-cm");
        await fixture.RunWithInputAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: described\n  labels: {a: \"1\", b: \"2\"}\ndata:\n  greeting: hello\n", "apply", "-f", "-", "-n", ns);

        var result = await fixture.RunAsync("describe", "configmap", "described", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("(?m)^Labels: +a=1\\n +b=2$", result.Out);
        Assert.Matches("(?m)^Data:\\n  greeting: hello$", result.Out);
        Assert.Matches("(?m)^Conditions: +<none>$", result.Out);
        Assert.Matches("(?m)^Resource Version: *\\d+$", result.Out);
    }
}
