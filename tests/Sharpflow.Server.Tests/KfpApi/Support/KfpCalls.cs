using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sharpflow.Testing;

namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>Raw calls to the KFP API, shaped like the requests kfp.Client (kfp_server_api) sends.</summary>
public static class KfpCalls
{
    public const string Api = "/apis/v2beta1";

    private static readonly string[] FinishStates = ["succeeded", "failed", "skipped", "error", "canceled"];

    public static async Task<KfpResponse> SendAsync(this HttpClient http, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request);
        return new KfpResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public static Task<KfpResponse> KfpGetAsync(this HttpClient http, string path) => http.SendAsync(HttpMethod.Get, path);

    public static Task<KfpResponse> KfpDeleteAsync(this HttpClient http, string path) => http.SendAsync(HttpMethod.Delete, path);

    public static Task<KfpResponse> KfpPostAsync(this HttpClient http, string path, JsonNode? body = null) =>
        http.KfpPostAsync(path, body?.ToJsonString());

    public static Task<KfpResponse> KfpPostAsync(this HttpClient http, string path, string? body)
    {
        var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
        return http.SendAsync(HttpMethod.Post, path, content);
    }

    /// <summary>A multipart upload with the file in the field "uploadfile", as kfp_server_api's upload_pipeline sends it.</summary>
    public static Task<KfpResponse> UploadAsync(this HttpClient http, string path, string fileName, byte[] content, string field = "uploadfile")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return http.SendAsync(HttpMethod.Post, path, form);
    }

    /// <summary>Polls GET /runs/{id} as kfp.Client.wait_for_run_completion does, until the state is final.</summary>
    public static async Task<JsonObject> WaitForRunAsync(this HttpClient http, string runId, TimeSpan? timeout = null, params string[] states)
    {
        var wanted = states.Length == 0 ? FinishStates : states.Select(s => s.ToLowerInvariant()).ToArray();
        JsonObject? run = null;
        await TestWait.UntilAsync(
            async () =>
            {
                run = (await http.KfpGetAsync($"{Api}/runs/{runId}")).Ok();
                return run["state"]?.GetValue<string>() is { } state && wanted.Contains(state.ToLowerInvariant());
            },
            timeout ?? TimeSpan.FromSeconds(90),
            $"run {runId} reaching {string.Join(" or ", wanted)}");
        return run!;
    }

    /// <summary>Creates a namespace through the resource API (runs of a fresh namespace share no cache with others).</summary>
    public static async Task<string> CreateNamespaceAsync(this HttpClient http, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var body = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
        var response = await http.KfpPostAsync("/api/v1/namespaces", body);
        Assert.True((int)response.Code == 201, response.ToString());
        return name;
    }

    public static JsonObject Task(this JsonObject run, string displayName) =>
        run["run_details"]!["task_details"]!.AsArray().OfType<JsonObject>().Single(t => t["display_name"]!.GetValue<string>() == displayName);

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
