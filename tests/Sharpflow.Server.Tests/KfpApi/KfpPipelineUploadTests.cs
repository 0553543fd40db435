using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Unmodified compiled pipelines uploaded as kfp.Client uploads them, then run from their stored version.</summary>
public sealed partial class KfpPipelineUploadTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Upload_HelloWorldYaml_StoresAVersionThatRunsToSuccessWithTaskDetailsAndALog()
    {
        // A fresh namespace: no earlier run there could serve the task from the cache, so it really runs and logs.
        var ns = await _http.CreateNamespaceAsync("kfp-upload");
        var pipeline = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name=hello-world&namespace={ns}", "hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml"))).Ok();

        Assert.Equal("hello-world", pipeline.Text("name"));
        Assert.Equal("hello-world", pipeline.Text("display_name"));
        Assert.Equal(ns, pipeline.Text("namespace"));
        Assert.Matches(Rfc3339(), pipeline.Text("created_at"));
        var pipelineId = pipeline.Text("pipeline_id");
        var versions = (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipelineId}/versions")).Ok();
        var version = Assert.Single(versions["pipeline_versions"]!.AsArray())!.AsObject();
        Assert.Equal(1, versions["total_size"]!.GetValue<int>());
        Assert.Equal(pipelineId, version.Text("pipeline_id"));
        Assert.Equal("echo", version["pipeline_spec"]!["pipelineInfo"].Text("name"));

        var created = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", new JsonObject
        {
            ["display_name"] = "hello from the version",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId, ["pipeline_version_id"] = version.Text("pipeline_version_id") },
        })).Ok();
        Assert.Equal(version.Text("pipeline_version_id"), created["pipeline_version_reference"].Text("pipeline_version_id"));
        Assert.False(created.ContainsKey("pipeline_spec"));

        var run = await _http.WaitForRunAsync(created.Text("run_id"));

        Assert.True(run.Text("state") == "SUCCEEDED", run.ToJsonString());
        Assert.Matches(Rfc3339(), run.Text("finished_at"));
        var task = run["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t.ContainsKey("pod_name"));
        Assert.Equal("SUCCEEDED", task.Text("state"));
        Assert.Equal(task.Text("pod_name"), task["executor_detail"].Text("main_job"));
        var root = run["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => !t.ContainsKey("parent_task_id"));
        Assert.Equal(root.Text("task_id"), task.Text("parent_task_id"));
        Assert.Contains(root["child_tasks"]!.AsArray(), c => c.Text("task_id") == task.Text("task_id"));
        var log = await _http.KfpGetAsync($"/apis/v1alpha1/runs/{run.Text("run_id")}/nodes/{task.Text("task_id")}/log");
        Assert.Equal("hello world\n", log.Body);
        Assert.Equal("text/plain", log.ContentType);
        Assert.Equal("hello world\n", (await _http.KfpGetAsync($"/apis/v1alpha1/runs/{run.Text("run_id")}/nodes/{task.Text("pod_name")}/log")).Body);
    }

    [Fact]
    public async Task Upload_ZipAndTarGz_ReadTheOneYamlInside()
    {
        var yaml = KfpAcceptanceFiles.Bytes("critical/two_step_pipeline_containerized.yaml");
        var zipName = KfpCalls.Unique("zipped");
        var tarName = KfpCalls.Unique("tarred");

        var zipped = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={zipName}", "package.zip", Zip(("pipeline/two_step.yaml", yaml), ("README.md", "notes"u8.ToArray())))).Ok();
        var tarred = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={tarName}", "package.tar.gz", await TarGzAsync(("two_step.yaml", yaml)))).Ok();

        foreach (var pipeline in new[] { zipped, tarred })
        {
            var version = (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipeline.Text("pipeline_id")}/versions")).Ok()["pipeline_versions"]![0]!;
            Assert.Equal("containerized-two-step-pipeline", version["pipeline_spec"]!["pipelineInfo"].Text("name"));
        }
    }

    [Fact]
    public async Task Upload_YamlWithAPlatformsDocument_KeepsItBesideThePipelineSpec()
    {
        var yaml = KfpAcceptanceFiles.Read("hello_world.yaml") + "---\nplatforms:\n  kubernetes:\n    deploymentSpec:\n      executors:\n        exec-echo:\n          nodeSelector:\n            labels:\n              disk: ssd\n";

        var pipeline = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={KfpCalls.Unique("platforms")}", "with_platforms.yml", Encoding.UTF8.GetBytes(yaml))).Ok();

        var version = (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipeline.Text("pipeline_id")}/versions")).Ok()["pipeline_versions"]![0]!;
        Assert.Equal("echo", version["pipeline_spec"]!["pipeline_spec"]!["pipelineInfo"].Text("name"));
        Assert.Equal("ssd", version["pipeline_spec"]!["platform_spec"]!["platforms"]!["kubernetes"]!["deploymentSpec"]!["executors"]!["exec-echo"]!["nodeSelector"]!["labels"].Text("disk"));
    }

    [Theory]
    [InlineData(32 * 1024 * 1024 + 1024)]
    [InlineData(40 * 1024 * 1024)]
    public async Task Upload_LargerThan32MiB_AnswersInvalidArgumentNamingUploadfile(int size)
    {
        var yaml = KfpAcceptanceFiles.Read("hello_world.yaml") + "#" + new string('x', size) + "\n";

        var status = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={KfpCalls.Unique("huge")}", "huge.yaml", Encoding.UTF8.GetBytes(yaml))).ShouldFailWith(400, 3);

        Assert.StartsWith("uploadfile", status.Text("message"), StringComparison.Ordinal);
        Assert.Contains("32 MiB", status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadVersion_SecondVersion_RunByPipelineIdAloneUsesTheNewest()
    {
        var name = KfpCalls.Unique("versioned");
        var pipeline = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={name}", "hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml"))).Ok();
        var pipelineId = pipeline.Text("pipeline_id");

        var second = (await _http.UploadAsync(
            $"{KfpCalls.Api}/pipelines/upload_version?pipelineid={pipelineId}&name={name}-v2&description=second", "arguments_parameters.yaml", KfpAcceptanceFiles.Bytes("arguments_parameters.yaml"))).Ok();

        Assert.Equal(pipelineId, second.Text("pipeline_id"));
        Assert.Equal($"{name}-v2", second.Text("name"));
        Assert.Equal("second", second.Text("description"));
        var newestFirst = (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipelineId}/versions?sort_by=created_at%20desc")).Ok();
        Assert.Equal(second.Text("pipeline_version_id"), newestFirst["pipeline_versions"]![0].Text("pipeline_version_id"));
        var run = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", new JsonObject
        {
            ["display_name"] = "newest version",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId },
            ["runtime_config"] = new JsonObject { ["parameters"] = new JsonObject { ["param2"] = KfpCalls.Unique("p") } },
        })).Ok();
        Assert.Equal(second.Text("pipeline_version_id"), run["pipeline_version_reference"].Text("pipeline_version_id"));
        Assert.Equal(pipelineId, run["pipeline_version_reference"].Text("pipeline_id"));
        var missing = (await _http.KfpPostAsync($"{KfpCalls.Api}/runs", new JsonObject
        {
            ["display_name"] = "no parameters",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId, ["pipeline_version_id"] = second.Text("pipeline_version_id") },
        })).ShouldFailWith(400, 3);
        Assert.Contains("runtime_config.parameters.param2", missing.Text("message"), StringComparison.Ordinal);
        var again = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload_version?pipelineid={pipelineId}&name={name}-v2", "hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml")));
        again.ShouldFailWith(409, 6);
    }

    [Fact]
    public async Task GetByNameAndDelete_PipelineWithVersions_NeedsCascade()
    {
        var name = KfpCalls.Unique("deleted");
        var pipeline = (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={name}", "hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml"))).Ok();
        var pipelineId = pipeline.Text("pipeline_id");
        var versionId = (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipelineId}/versions")).Ok()["pipeline_versions"]![0].Text("pipeline_version_id");

        Assert.Equal(pipelineId, (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/names/{name}?namespace=default")).Ok().Text("pipeline_id"));
        (await _http.UploadAsync($"{KfpCalls.Api}/pipelines/upload?name={name}", "hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml"))).ShouldFailWith(409, 6);
        var refused = (await _http.KfpDeleteAsync($"{KfpCalls.Api}/pipelines/{pipelineId}")).ShouldFailWith(409, 9);
        Assert.Contains("cascade", refused.Text("message"), StringComparison.Ordinal);

        Assert.Empty((await _http.KfpDeleteAsync($"{KfpCalls.Api}/pipelines/{pipelineId}?cascade=true")).Ok());

        (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipelineId}")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipelineId}/versions/{versionId}")).ShouldFailWith(404, 5);
        (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/names/{name}")).ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task CreatePipelineAndVersion_InlineSpecWithPlatforms_KeepsBothDocuments()
    {
        var documents = Sharpflow.Api.Serialization.ResourceYaml.ParseDocuments(KfpAcceptanceFiles.Read("hello_world.yaml"));
        var platforms = new JsonObject { ["platforms"] = new JsonObject { ["kubernetes"] = new JsonObject { ["pipelineConfig"] = new JsonObject() } } };
        var name = KfpCalls.Unique("created");

        var pipeline = (await _http.KfpPostAsync($"{KfpCalls.Api}/pipelines/create", new JsonObject
        {
            ["pipeline"] = new JsonObject { ["name"] = name, ["display_name"] = "Created Pipeline", ["description"] = "made whole", ["tags"] = new JsonObject { ["team"] = "ml" } },
            ["pipeline_version"] = new JsonObject
            {
                ["pipeline_spec"] = new JsonObject { ["pipeline_spec"] = documents[0].DeepClone(), ["platform_spec"] = platforms },
                ["code_source_url"] = "https://example.com/src",
            },
        })).Ok();

        Assert.Equal("Created Pipeline", pipeline.Text("display_name"));
        Assert.Equal("ml", pipeline["tags"].Text("team"));
        var version = (await _http.KfpGetAsync($"{KfpCalls.Api}/pipelines/{pipeline.Text("pipeline_id")}/versions")).Ok()["pipeline_versions"]![0]!;
        Assert.Equal("echo", version["pipeline_spec"]!["pipeline_spec"]!["pipelineInfo"].Text("name"));
        Assert.NotNull(version["pipeline_spec"]!["platform_spec"]!["platforms"]);
        Assert.Equal("https://example.com/src", version.Text("code_source_url"));
    }

    [Fact]
    public async Task CreateVersion_PackageUrl_FetchesThePackage()
    {
        using var served = new ServedFile("hello_world.yaml", KfpAcceptanceFiles.Bytes("hello_world.yaml"));
        var pipeline = (await _http.KfpPostAsync($"{KfpCalls.Api}/pipelines", new JsonObject { ["name"] = KfpCalls.Unique("fetched") })).Ok();

        var version = (await _http.KfpPostAsync($"{KfpCalls.Api}/pipelines/{pipeline.Text("pipeline_id")}/versions", new JsonObject
        {
            ["name"] = "from-url",
            ["package_url"] = new JsonObject { ["pipeline_url"] = served.Url },
        })).Ok();

        Assert.Equal(served.Url, version["package_url"].Text("pipeline_url"));
        Assert.Equal("echo", version["pipeline_spec"]!["pipelineInfo"].Text("name"));
        var missing = (await _http.KfpPostAsync($"{KfpCalls.Api}/pipelines/{pipeline.Text("pipeline_id")}/versions", new JsonObject
        {
            ["package_url"] = new JsonObject { ["pipeline_url"] = served.Url + ".missing" },
        })).ShouldFailWith(400, 3);
        Assert.StartsWith("package_url.pipeline_url", missing.Text("message"), StringComparison.Ordinal);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> TarGzAsync(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        await using (var tar = new TarWriter(gzip, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }

        return buffer.ToArray();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6}|\.\d{9})?Z$")]
    internal static partial Regex Rfc3339();
}
