using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Cli.Tests.Support;
using Sharpflow.Core.Events;

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

    [Fact]
    public async Task Describe_ObjectWithConditionsAndEvents_ShowsBothAsTables()
    {
        var name = await fixture.CreateNamespaceAsync("describe-events");
        var client = fixture.Client;
        var kind = await client.ResolveKindAsync("namespaces");
        var ns = await client.GetAsync(kind, null, name);
        var status = JsonNode.Parse("""
            {"phase": "Active", "conditions": [
              {"type": "QuotaReady", "status": "False", "reason": "Exceeded", "message": "cpu 4/2", "lastTransitionTime": "2025-01-01T00:00:00Z"}]}
            """)!.AsObject();
        await client.UpdateStatusAsync(ns with { Status = status });
        var events = fixture.Server.Services.GetRequiredService<IEventStore>();
        var involved = new InvolvedObject { ApiVersion = "v1", Kind = "Namespace", Name = name, Uid = ns.Metadata.Uid };
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await events.RecordAsync(new ResourceEvent { InvolvedObject = involved, Type = EventTypes.Warning, Reason = "QuotaExceeded", Message = "cpu request 4 exceeds the quota of 2", Source = "quota" });
        }

        var result = await fixture.RunAsync("describe", "ns", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("(?m)^Conditions:\\n  TYPE +STATUS +REASON +LAST TRANSITION +MESSAGE\\n  QuotaReady +False +Exceeded +\\d+\\w+ ago +cpu 4/2$", result.Out);
        Assert.Matches("(?m)^Status:\\n  phase: Active$", result.Out);
        Assert.Matches("(?m)^Events:\\n  TYPE +REASON +COUNT +LAST SEEN +FROM +MESSAGE\\n  Warning +QuotaExceeded +3 +\\d+s ago +quota +cpu request 4 exceeds the quota of 2$", result.Out);
    }
}
