using System.Text;
using System.Text.Json.Nodes;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Malformed KFP requests: each is a 4xx google.rpc.Status whose message (and field violation) names what to fix.</summary>
public sealed class KfpBadInputTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Theory]
    [InlineData("{\"display_name\": ", "line")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{\"display_name\": 42, \"pipeline_spec\": {}}", "display_name")]
    [InlineData("{\"pipeline_spec\": {}}", "display_name")]
    [InlineData("{\"display_name\": \"x\"}", "pipeline_spec")]
    [InlineData("{\"display_name\": \"x\", \"pipeline_spec\": []}", "pipeline_spec")]
    [InlineData("{\"display_name\": \"x\", \"pipeline_spec\": {}, \"pipeline_version_reference\": {\"pipeline_id\": \"p\"}}", "pipeline_version_reference")]
    [InlineData("{\"display_name\": \"x\", \"pipeline_spec\": {}, \"runtime_config\": {\"parameters\": \"a=b\"}}", "runtime_config.parameters")]
    public async Task CreateRun_MalformedBody_AnswersInvalidArgument(string body, string named)
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", body)).ShouldFailWith(400, 3);

        Assert.Contains(named, status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRun_InvalidIr_NamesTheIrPathUnderPipelineSpec()
    {
        var spec = KfpPipelines.Shell("broken", "true");
        spec["root"]!["dag"]!["tasks"]!["step"]!["componentRef"]!["name"] = "comp-missing";

        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody("broken", spec))).ShouldFailWith(400, 3);

        Assert.Contains("pipeline_spec.root.dag.tasks.step.componentRef.name", status.Text("message"), StringComparison.Ordinal);
        var violation = status["details"]![0]!["field_violations"]![0]!;
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", status["details"]![0].Text("@type"));
        Assert.Equal("pipeline_spec.root.dag.tasks.step.componentRef.name", violation.Text("field"));
    }

    [Fact]
    public async Task CreateRun_ParametersThePipelineDoesNotTake_NameEachParameter()
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", KfpPipelines.RunBody(
            "typed", KfpPipelines.Spec("arguments_parameters.yaml"), new JsonObject { ["param1"] = "x", ["param3"] = "y" }))).ShouldFailWith(400, 3);

        Assert.Contains("runtime_config.parameters.param3", status.Text("message"), StringComparison.Ordinal);
        Assert.Contains("runtime_config.parameters.param2: is required", status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRun_UnknownVersion_AnswersNotFound()
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", new JsonObject
        {
            ["display_name"] = "orphan",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = "p", ["pipeline_version_id"] = "no-such-version" },
        })).ShouldFailWith(404, 5);

        Assert.Contains("no-such-version", status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutTheUploadfileField_NamesIt()
    {
        var status = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name=nofile", "hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml"), field: "file"))
            .ShouldFailWith(400, 3);

        Assert.StartsWith("uploadfile", status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NotMultipart_NamesUploadfile()
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/pipelines/upload", "{}")).ShouldFailWith(400, 3);

        Assert.StartsWith("uploadfile", status.Text("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broken.yaml", "root: [unclosed\n", "line")]
    [InlineData("notes.txt", "hello", ".yaml")]
    [InlineData("empty.zip", "not a zip at all", "archive")]
    [InlineData("list.yaml", "- a\n- b\n", "uploadfile")]
    public async Task Upload_UnreadableFile_AnswersInvalidArgumentNamingUploadfile(string fileName, string content, string mentioned)
    {
        var status = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={KfpCalls.Unique("bad")}", fileName, Encoding.UTF8.GetBytes(content)))
            .ShouldFailWith(400, 3);

        Assert.StartsWith("uploadfile", status.Text("message"), StringComparison.Ordinal);
        Assert.Contains(mentioned, status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_InvalidIr_NamesTheIrPathInTheFile()
    {
        var yaml = KfpAcceptanceFiles.Read("hello_world.yaml").Replace("name: comp-echo", "name: comp-missing", StringComparison.Ordinal);
        var name = KfpCalls.Unique("invalid");

        var status = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={name}", "hello_world.yaml", Encoding.UTF8.GetBytes(yaml))).ShouldFailWith(400, 3);

        Assert.Contains("uploadfile.root.dag.tasks.echo.componentRef.name", status.Text("message"), StringComparison.Ordinal);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/names/{name}")).ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task CreatePipeline_NoName_AnswersInvalidArgument()
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/pipelines", new JsonObject { ["description"] = "nameless" })).ShouldFailWith(400, 3);

        Assert.StartsWith("name", status.Text("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs", "{\"display_name\": \"x\", \"pipeline_spec\": {\"root\": 5}}")]
    [InlineData("runs", "{\"display_name\": \"x\", \"pipeline_spec\": {\"pipeline_spec\": \"text\"}}")]
    [InlineData("runs", "{\"display_name\": \"x\", \"experiment_id\": 5, \"pipeline_spec\": {}}")]
    [InlineData("runs", "{\"display_name\": \"x\", \"pipeline_version_reference\": \"v\"}")]
    [InlineData("runs", "{\"display_name\": \"\u65e5\u672c\", \"pipeline_spec\": {}, \"runtime_config\": {\"pipeline_root\": 7}}")]
    [InlineData("recurringruns", "{\"display_name\": \"x\", \"pipeline_spec\": {}, \"trigger\": {\"cron_schedule\": \"daily\"}}")]
    [InlineData("recurringruns", "{\"display_name\": \"x\", \"pipeline_spec\": {}, \"trigger\": {\"periodic_schedule\": {\"interval_second\": 5, \"start_time\": \"tomorrow\"}}}")]
    [InlineData("recurringruns", "{\"display_name\": \"x\", \"pipeline_spec\": {}, \"max_concurrency\": \"99999999999999999999\", \"trigger\": {}}")]
    [InlineData("recurringruns", "{\"display_name\": \"x\", \"pipeline_spec\": {}, \"mode\": \"SOMETIMES\", \"trigger\": {}}")]
    [InlineData("experiments", "{\"display_name\": [\"x\"]}")]
    [InlineData("experiments", "{\"display_name\": \"x\", \"namespace\": \"Not A Namespace\"}")]
    [InlineData("pipelines", "{\"name\": \"x\", \"tags\": {\"team\": 1}}")]
    [InlineData("pipelines/create", "{\"pipeline\": {\"name\": \"odd-create\"}, \"pipeline_version\": {\"pipeline_spec\": {\"pipeline_spec\": 5}}}")]
    [InlineData("pipelines/create", "{\"pipeline\": {\"name\": \"odd-url\"}, \"pipeline_version\": {\"package_url\": {\"pipeline_url\": \"/etc/passwd\"}}}")]
    [InlineData("pipelines/create", "{\"pipeline\": 3}")]
    public async Task Create_OddButWellFormedBody_AnswersAClientErrorNever500(string resource, string body)
    {
        var response = await _http.KfpPostAsync($"{KfpCalls.Api}/{resource}", body);

        Assert.True((int)response.Code is >= 400 and < 500, response.ToString());
        response.ShouldFailWith((int)response.Code, (int)response.Code switch { 404 => 5, 409 => 9, _ => 3 });
    }

    [Fact]
    public async Task UnknownIds_AnswerNotFound()
    {
        (await _http.KfpGetAsync($"{KfpCalls.Api}/runs/00000000-0000-0000-0000-000000000000")).ShouldFailWith(404, 5);
        (await _http.KfpPostAsync($"{KfpCalls.Api}/runs/nope:terminate")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments/nope")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/nope/versions")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/recurringruns/nope")).ShouldFailWith(404, 5);
        (await _http.KfpDeleteAsync($"{KfpCalls.Api}/pipelines/nope")).ShouldFailWith(404, 5);
    }
}
