using System.Net;
using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Hosting;

public sealed class HealthAndMetricsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Healthz_RunningServer_AnswersOk()
    {
        var response = await _http.ApiGetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.Code);
        Assert.Equal("ok", response.Body);
    }

    [Fact]
    public async Task Readyz_StartedServer_AnswersOk()
    {
        var response = await _http.ApiGetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.Code);
        Assert.Equal("ok", response.Body);
    }

    [Fact]
    public async Task Metrics_AfterApiRequests_ExposesSharpflowCountersInPrometheusText()
    {
        (await _http.ApiGetAsync("/api/v1/namespaces")).ShouldSucceedWith(200);

        await Sharpflow.Testing.TestWait.UntilAsync(
            async () => (await _http.ApiGetAsync("/metrics")).Body.Contains("sharpflow_api_requests_total{", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the request counter on /metrics");

        var metrics = await _http.ApiGetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Code);
        Assert.Contains("# TYPE sharpflow_api_requests_total counter", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("method=\"GET\"", metrics.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultNamespace_ExistsAfterStart()
    {
        var ns = (await _http.ApiGetAsync("/api/v1/namespaces/default")).ShouldSucceedWith(200).Resource();

        Assert.Equal("Namespace", ns.Kind);
        Assert.Null(ns.Metadata.Namespace);
    }
}
