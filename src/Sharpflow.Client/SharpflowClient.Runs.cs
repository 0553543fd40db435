using Sharpflow.Core.Executions;

namespace Sharpflow.Client;

public sealed partial class SharpflowClient
{
    /// <summary>Every task execution of a pipeline run, ordered by task path (parents before children).</summary>
    public Task<List<TaskExecution>> ListRunTasksAsync(string ns, string runName, CancellationToken cancellationToken = default) =>
        SendAsync<List<TaskExecution>>(HttpMethod.Get, RunPath(ns, runName) + "/tasks", null, cancellationToken);

    /// <summary>
    /// The content of an artifact one of the run's tasks recorded; for a directory artifact, <paramref name="file"/>
    /// picks a file below it (without it the server answers with the JSON list of its files).
    /// </summary>
    public async Task<Stream> OpenRunArtifactAsync(string ns, string runName, string uri, string? file = null, CancellationToken cancellationToken = default)
    {
        var path = RunPath(ns, runName) + "/artifact" + Query(("uri", uri), ("file", file));
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string RunPath(string ns, string runName) =>
        $"/sharpflow/v1/namespaces/{Uri.EscapeDataString(ns)}/runs/{Uri.EscapeDataString(runName)}";
}
