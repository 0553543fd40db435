using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary>Raw HTTP calls, so tests see exactly what a client sees (codes, bodies, media types).</summary>
public static class ApiCalls
{
    public static async Task<ApiResponse> SendAsync(
        this HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await http.SendAsync(request);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public static Task<ApiResponse> ApiGetAsync(this HttpClient http, string path, string? accept = null) =>
        http.SendAsync(HttpMethod.Get, path, accept: accept);

    public static Task<ApiResponse> ApiPostAsync(this HttpClient http, string path, string body, string contentType = "application/json") =>
        http.SendAsync(HttpMethod.Post, path, body, contentType);

    public static Task<ApiResponse> ApiPutAsync(this HttpClient http, string path, string body) =>
        http.SendAsync(HttpMethod.Put, path, body);

    public static Task<ApiResponse> ApiPatchAsync(this HttpClient http, string path, string body, string contentType = "application/merge-patch+json") =>
        http.SendAsync(HttpMethod.Patch, path, body, contentType);

    public static Task<ApiResponse> ApiDeleteAsync(this HttpClient http, string path) =>
        http.SendAsync(HttpMethod.Delete, path);

    /// <summary>Asserts the code and that the body is a Kubernetes Status with the same code.</summary>
    public static Sharpflow.Api.Errors.ApiStatus ShouldFailWith(this ApiResponse response, int code)
    {
        Assert.True((int)response.Code == code, $"expected {code} but got {response}");
        var status = response.Status();
        Assert.Equal("Status", status.Kind);
        Assert.Equal("Failure", status.Status);
        Assert.Equal(code, status.Code);
        Assert.False(string.IsNullOrWhiteSpace(status.Message));
        return status;
    }

    public static ApiResponse ShouldSucceedWith(this ApiResponse response, int code)
    {
        Assert.True((int)response.Code == code, $"expected {code} but got {response}");
        return response;
    }
}
