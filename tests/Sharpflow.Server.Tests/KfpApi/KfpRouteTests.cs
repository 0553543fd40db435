using System.Net;
using System.Text.Json.Nodes;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>The KFP API owns /apis/v2beta1 and the v1alpha1 node log; the generic resource route keeps everything else.</summary>
public sealed class KfpRouteTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Healthz_Get_AnswersKfpHealthWithoutMultiUser()
    {
        var healthz = (await _http.KfpGetAsync($"{KfpCalls.Api}/healthz")).Ok();

        Assert.Equal("database", healthz.Text("pipeline_store"));
        Assert.False(string.IsNullOrEmpty(healthz.Text("tag_name")));
        Assert.False(healthz.ContainsKey("multi_user"), "single-user mode leaves multi_user at its default (false), which is omitted");
    }

    [Theory]
    [InlineData("GET", "/apis/v2beta1/nonsense")]
    [InlineData("GET", "/apis/v2beta1")]
    [InlineData("PUT", "/apis/v2beta1/runs")]
    [InlineData("POST", "/apis/v2beta1/runs/some-id:frobnicate")]
    [InlineData("POST", "/apis/v2beta1/experiments/some-id")]
    [InlineData("GET", "/apis/v2beta1/namespaces/default/runs")]
    public async Task UnknownKfpPath_AnyMethod_AnswersRpcNotFoundNotAKubernetesStatus(string method, string path)
    {
        var response = await _http.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new StringContent("{}"));

        response.ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task GenericRoute_PipelinesGroup_StillServesTheResourceApi()
    {
        var list = await _http.ApiGetAsync("/apis/pipelines.kubeflow.org/v2beta1/namespaces/default/runs");

        Assert.Equal(HttpStatusCode.OK, list.Code);
        Assert.Equal("RunList", list.Json()["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenericRoute_OtherV1alpha1Paths_AreNotTakenByTheNodeLog()
    {
        var response = await _http.ApiGetAsync("/apis/v1alpha1/runs/some-run/nodes/some-node");

        Assert.Equal(HttpStatusCode.NotFound, response.Code);
        Assert.Equal("Status", response.Json()["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task NodeLog_UnknownRun_AnswersRpcNotFound()
    {
        var response = await _http.KfpGetAsync("/apis/v1alpha1/runs/no-such-run/nodes/no-such-node/log");

        var status = response.ShouldFailWith(404, 5);
        Assert.Contains("no-such-run", status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KfpError_Body_IsOnlyCodeMessageAndDetails()
    {
        var status = (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/missing")).ShouldFailWith(404, 5);

        Assert.Equal(["code", "details", "message"], status.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Empty(status["details"]!.AsArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, status["code"]!.GetValueKind());
    }
}
