using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Core.Events;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Client;

/// <summary>
/// Typed client for the Sharpflow HTTP API. Errors from the server come back as the same
/// <see cref="ResourceException"/> the server raised; an unreachable server as <see cref="HttpRequestException"/>.
/// </summary>
public sealed partial class SharpflowClient(HttpClient http)
{
    public const string DefaultServer = "http://127.0.0.1:8080";

    private IReadOnlyList<KindInfo>? _kinds;

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>The server from an explicit URL, else SHARPFLOW_SERVER, else the default address.</summary>
    public static Uri ResolveServer(string? server) =>
        new(server ?? Environment.GetEnvironmentVariable("SHARPFLOW_SERVER") ?? DefaultServer);

    public static SharpflowClient Create(Uri server) =>
        new(new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan });

    public async Task<IReadOnlyList<KindInfo>> GetKindsAsync(CancellationToken cancellationToken = default) =>
        _kinds ??= await SendAsync<List<KindInfo>>(HttpMethod.Get, "/sharpflow/v1/kinds", null, cancellationToken);

    /// <summary>Finds the kind of an object by its apiVersion and kind; 404 when the server does not serve it.</summary>
    public async Task<KindInfo> GetKindAsync(string apiVersion, string kind, CancellationToken cancellationToken = default)
    {
        var kinds = await GetKindsAsync(cancellationToken);
        return kinds.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind)
            ?? throw ResourceException.NotFound($"no kind \"{kind}\" is served in \"{apiVersion}\"; run 'sharpflow get kinds' to see what is");
    }

    /// <summary>
    /// Resolves a name a user typed (kind, plural, singular or short name, optionally ".group").
    /// Throws 404 when nothing matches and 400 when the name is ambiguous.
    /// </summary>
    public async Task<KindInfo> ResolveKindAsync(string name, CancellationToken cancellationToken = default)
    {
        var lower = name.ToLowerInvariant();
        var dot = lower.IndexOf('.', StringComparison.Ordinal);
        var (bare, group) = dot < 0 ? (lower, null) : (lower[..dot], lower[(dot + 1)..]);
        var matches = (await GetKindsAsync(cancellationToken))
            .Where(k => (group is null || k.Group == group)
                && (k.Plural == bare || k.Kind.Equals(bare, StringComparison.OrdinalIgnoreCase) || k.ShortNames.Contains(bare)))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw ResourceException.NotFound($"the server doesn't have a resource type \"{name}\"; run 'sharpflow get kinds' to list them"),
            _ => throw ResourceException.BadRequest(
                $"\"{name}\" is ambiguous: use one of {string.Join(", ", matches.Select(m => $"{m.Plural}.{m.Group}"))}"),
        };
    }

    public Task<Resource> GetAsync(KindInfo kind, string? ns, string name, CancellationToken cancellationToken = default) =>
        SendAsync<Resource>(HttpMethod.Get, kind.ObjectPath(ns, name), null, cancellationToken);

    public Task<ResourceList> ListAsync(KindInfo kind, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceList>(HttpMethod.Get, kind.CollectionPath(ns) + (options ?? new ListOptions()).ToQueryString(), null, cancellationToken);

    public async Task<Resource> CreateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        var kind = await GetKindAsync(resource.ApiVersion, resource.Kind, cancellationToken);
        return await SendAsync<Resource>(HttpMethod.Post, kind.CollectionPath(resource.Metadata.Namespace), JsonBody(resource), cancellationToken);
    }

    public async Task<Resource> UpdateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        var kind = await GetKindAsync(resource.ApiVersion, resource.Kind, cancellationToken);
        return await SendAsync<Resource>(HttpMethod.Put, kind.ObjectPath(resource.Metadata.Namespace, NameOf(resource)), JsonBody(resource), cancellationToken);
    }

    public async Task<Resource> UpdateStatusAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        var kind = await GetKindAsync(resource.ApiVersion, resource.Kind, cancellationToken);
        return await SendAsync<Resource>(HttpMethod.Put, kind.ObjectPath(resource.Metadata.Namespace, NameOf(resource)) + "/status", JsonBody(resource), cancellationToken);
    }

    /// <summary>Applies an RFC 7386 JSON merge patch.</summary>
    public Task<Resource> PatchAsync(KindInfo kind, string? ns, string name, string mergePatchJson, CancellationToken cancellationToken = default)
    {
        var content = new StringContent(mergePatchJson, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        return SendAsync<Resource>(HttpMethod.Patch, kind.ObjectPath(ns, name), content, cancellationToken);
    }

    /// <summary>Creates the object, or replaces its spec and metadata when it exists. Returns the result and whether it was created.</summary>
    public async Task<(Resource Resource, bool Created)> ApplyAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        var kind = await GetKindAsync(resource.ApiVersion, resource.Kind, cancellationToken);
        var ns = kind.Namespaced ? resource.Metadata.Namespace ?? "default" : null;
        resource = resource with { Metadata = resource.Metadata with { Namespace = ns } };
        if (resource.Metadata.Name is null)
        {
            return (await CreateAsync(resource, cancellationToken), true);
        }

        try
        {
            var existing = await GetAsync(kind, ns, resource.Metadata.Name, cancellationToken);
            var merged = resource with
            {
                Metadata = resource.Metadata with { ResourceVersion = existing.Metadata.ResourceVersion },
                Status = existing.Status,
            };
            return (await UpdateAsync(merged, cancellationToken), false);
        }
        catch (ResourceException e) when (e.Code == 404)
        {
            return (await CreateAsync(resource, cancellationToken), true);
        }
    }

    public Task<Resource> DeleteAsync(KindInfo kind, string? ns, string name, bool orphan = false, CancellationToken cancellationToken = default) =>
        SendAsync<Resource>(HttpMethod.Delete, kind.ObjectPath(ns, name) + (orphan ? "?propagationPolicy=Orphan" : string.Empty), null, cancellationToken);

    /// <summary>Streams changes after <paramref name="resourceVersion"/> until cancelled or the server closes the stream.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        KindInfo kind,
        string? ns,
        string? resourceVersion = null,
        string? labelSelector = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = new ListOptions { LabelSelector = labelSelector, ResourceVersion = resourceVersion, Watch = true };
        await foreach (var line in ReadLinesAsync(kind.CollectionPath(ns) + options.ToQueryString(), cancellationToken))
        {
            if (line.Length > 0)
            {
                yield return ParseWatchLine(line);
            }
        }
    }

    public Task<List<ResourceEvent>> ListEventsAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<List<ResourceEvent>>(
            HttpMethod.Get,
            "/sharpflow/v1/events" + Query(("namespace", query.Namespace), ("kind", query.Kind), ("name", query.Name), ("uid", query.Uid), ("limit", query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            null,
            cancellationToken);

    public Task<List<WorkloadStatus>> ListWorkloadsAsync(string? ns = null, string? ownerKind = null, string? ownerName = null, CancellationToken cancellationToken = default) =>
        SendAsync<List<WorkloadStatus>>(HttpMethod.Get, "/sharpflow/v1/workloads" + Query(("namespace", ns), ("ownerKind", ownerKind), ("ownerName", ownerName)), null, cancellationToken);

    public IAsyncEnumerable<string> ReadWorkloadLogAsync(string id, LogOptions options, CancellationToken cancellationToken = default) =>
        ReadLinesAsync($"/sharpflow/v1/workloads/{Uri.EscapeDataString(id)}/log" + LogQuery(options), cancellationToken);

    /// <summary>The log of what a resource runs (a Pod's container, a job's replicas, a run's tasks).</summary>
    public IAsyncEnumerable<string> ReadLogAsync(KindInfo kind, string ns, string name, LogOptions options, CancellationToken cancellationToken = default) =>
        ReadLinesAsync($"/sharpflow/v1/namespaces/{Uri.EscapeDataString(ns)}/{kind.Plural}/{Uri.EscapeDataString(name)}/log" + LogQuery(options), cancellationToken);

    /// <summary>A watch line is an event, or (after the stream started) an ERROR carrying a Status, as Kubernetes sends it.</summary>
    private static WatchEvent ParseWatchLine(string line)
    {
        var node = JsonNode.Parse(line) as JsonObject
            ?? throw new InvalidDataException("the server sent a watch line that is not a JSON object");
        if (node["type"]?.GetValue<string>() == "ERROR")
        {
            var status = node["object"].Deserialize(ApiJsonContext.Default.ApiStatus)
                ?? new ApiStatus { Code = 500, Message = "the watch ended with an error" };
            throw new ResourceException(status);
        }

        return node.Deserialize(ApiJsonContext.Default.WatchEvent)
            ?? throw new InvalidDataException("the server sent an empty watch event");
    }

    private static string NameOf(Resource resource) =>
        resource.Metadata.Name ?? throw ResourceException.Invalid(resource.Kind, null, "metadata.name", "a name is required");

    private static string LogQuery(LogOptions options) =>
        Query(("follow", options.Follow ? "true" : null), ("tailLines", options.TailLines?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join('&', present);
    }

    private static ByteArrayContent JsonBody(Resource resource)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(resource, ApiJsonContext.Default.Resource));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
