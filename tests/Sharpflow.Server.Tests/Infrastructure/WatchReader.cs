using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary>Reads a watch stream line by line, each read bounded by a timeout.</summary>
public sealed class WatchReader : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<WatchReader> OpenAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Only an error answer ends by itself; a watch's body is read line by line below.
            Assert.Fail($"watch {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new WatchReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event as JSON; fails when none arrives in time or the stream ends.</summary>
    public async Task<JsonObject> NextAsync(TimeSpan? timeout = null)
    {
        var line = await ReadLineAsync(timeout ?? DefaultTimeout);
        Assert.True(line is not null, "the watch stream ended before the next event");
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>
    /// Reads the events still in the stream until the server ends it; fails when it does not end cleanly
    /// (a reset connection, or no end within the timeout).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var rest = new List<JsonObject>();
        while (await ReadLineAsync(timeout ?? DefaultTimeout) is { } line)
        {
            rest.Add(JsonNode.Parse(line)!.AsObject());
        }

        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }

    private async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token);
            if (line is null || line.Length > 0)
            {
                return line;
            }
        }
    }
}
