using System.Runtime.CompilerServices;
using System.Text.Json;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Client;

public sealed partial class SharpflowClient
{
    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(body, ApiJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"the server answered {method} {path} with an empty body");
    }

    private async IAsyncEnumerable<string> ReadLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }

    /// <summary>Turns a Kubernetes Status error body back into the <see cref="ResourceException"/> the server raised.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiStatus? status = null;
        try
        {
            status = JsonSerializer.Deserialize(text, ApiJsonContext.Default.ApiStatus);
        }
        catch (JsonException)
        {
            // Not a Status body (a proxy's error page, say): report the text as it is.
        }

        throw new ResourceException(status is { Message: not null }
            ? status with { Code = (int)response.StatusCode }
            : new ApiStatus { Code = (int)response.StatusCode, Reason = response.ReasonPhrase, Message = $"{(int)response.StatusCode} {response.ReasonPhrase}: {text}" });
    }
}
