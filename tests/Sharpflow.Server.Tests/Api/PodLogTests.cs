using System.Net;
using Sharpflow.Core.Workloads;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

/// <summary>Pods applied through the API run as real processes; their logs come back through the log endpoints.</summary>
public sealed class PodLogTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Pods = "/api/v1/namespaces/default/pods";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Pod_EchoingHello_SucceedsAndItsLogIsReadable()
    {
        var name = ServerFixture.UniqueName("hello");
        (await _http.ApiPostAsync(Pods, Pod(name, "echo hello"))).ShouldSucceedWith(201);

        await WaitForPhaseAsync(name, "Succeeded");

        var log = await _http.ApiGetAsync($"/sharpflow/v1/namespaces/default/pods/{name}/log");
        Assert.Equal(HttpStatusCode.OK, log.Code);
        Assert.Equal("text/plain", log.ContentType);
        Assert.Equal("hello\n", log.Body);

        var client = fixture.Server.CreateClient();
        var workload = Assert.Single(await client.ListWorkloadsAsync("default", "Pod", name));
        Assert.Equal(WorkloadPhase.Succeeded, workload.Phase);
        Assert.Equal(0, workload.ExitCode);
        Assert.Equal("hello\n", (await _http.ApiGetAsync($"/sharpflow/v1/workloads/{Uri.EscapeDataString(workload.Id)}/log")).Body);
        Assert.Empty(await client.ListWorkloadsAsync("default", "Pod", name + "-other"));
    }

    [Fact]
    public async Task Log_FollowingARunningPod_StreamsLinesAsTheyAreWrittenAndEndsWithThePod()
    {
        var name = ServerFixture.UniqueName("follow");
        // The pod waits for a file the test creates after reading the first line, so the second line can only come live.
        (await _http.ApiPostAsync(Pods, Pod(name, "echo first; while [ ! -f go ]; do sleep 0.05; done; echo second"))).ShouldSucceedWith(201);
        await WaitForPhaseAsync(name, "Running");

        using var response = await _http.GetAsync($"/sharpflow/v1/namespaces/default/pods/{name}/log?follow=true", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(RunTimeout);
        Assert.Equal("first", await reader.ReadLineAsync(timeout.Token));

        var workload = Assert.Single(await fixture.Server.CreateClient().ListWorkloadsAsync("default", "Pod", name));
        await File.WriteAllTextAsync(Path.Combine(fixture.Server.DataDirectory, "workloads", workload.Id, "work", "go"), string.Empty);

        Assert.Equal("second", await reader.ReadLineAsync(timeout.Token));
        Assert.Null(await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task Log_WithTailLines_ReturnsOnlyTheLastLines()
    {
        var name = ServerFixture.UniqueName("tail");
        (await _http.ApiPostAsync(Pods, Pod(name, "for i in 1 2 3 4 5; do echo line $i; done"))).ShouldSucceedWith(201);
        await WaitForPhaseAsync(name, "Succeeded");

        var log = await _http.ApiGetAsync($"/sharpflow/v1/namespaces/default/pods/{name}/log?tailLines=2&container=main");

        Assert.Equal("line 4\nline 5\n", log.Body);
    }

    [Fact]
    public async Task Log_UnknownContainer_Answers400ListingTheContainers()
    {
        var name = ServerFixture.UniqueName("containers");
        (await _http.ApiPostAsync(Pods, Pod(name, "true"))).ShouldSucceedWith(201);

        var status = (await _http.ApiGetAsync($"/sharpflow/v1/namespaces/default/pods/{name}/log?container=sidecar")).ShouldFailWith(400);

        Assert.Contains("its containers are: main", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_MissingPod_Answers404()
    {
        (await _http.ApiGetAsync("/sharpflow/v1/namespaces/default/pods/no-such-pod/log")).ShouldFailWith(404);
    }

    [Fact]
    public async Task Log_UnknownKind_Answers404()
    {
        (await _http.ApiGetAsync("/sharpflow/v1/namespaces/default/frobs/x/log")).ShouldFailWith(404);
    }

    [Fact]
    public async Task WorkloadLog_UnknownWorkload_Answers404()
    {
        (await _http.ApiGetAsync("/sharpflow/v1/workloads/no.such.workload/log")).ShouldFailWith(404);
    }

    [Fact]
    public async Task Events_ForAPod_AreListedNewestFirst()
    {
        var name = ServerFixture.UniqueName("events");
        (await _http.ApiPostAsync(Pods, Pod(name, "true"))).ShouldSucceedWith(201);
        await WaitForPhaseAsync(name, "Succeeded");

        var events = await fixture.Server.CreateClient().ListEventsAsync(new Sharpflow.Core.Events.EventQuery { Namespace = "default", Kind = "Pod", Name = name });

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(name, e.InvolvedObject.Name));
        Assert.Equal(events.OrderByDescending(e => e.LastTimestamp).Select(e => e.Id), events.Select(e => e.Id));
    }

    private async Task WaitForPhaseAsync(string name, string phase) =>
        await TestWait.UntilAsync(
            async () => (await _http.ApiGetAsync($"{Pods}/{name}")).Json()["status"]?["phase"]?.GetValue<string>() == phase,
            RunTimeout,
            $"pod {name} reaching {phase}");

    private static string Pod(string name, string script) =>
        $$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}"},"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox","command":["/bin/sh","-c",{{{System.Text.Json.JsonSerializer.Serialize(script)}}}]}]}}
        """;
}
