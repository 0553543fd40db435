using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Core.Authorization;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Hosting;

public sealed class AuthorizationTests : IAsyncLifetime
{
    private readonly RecordingAuthorizer _authorizer = new();
    private SharpflowTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
    {
        RunControllers = false,
        ConfigureServices = services => services.AddSingleton<IAuthorizer>(_authorizer),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_DeniedByTheAuthorizer_Answers403NamingSubjectVerbAndResource()
    {
        var status = (await _server.HttpClient.ApiGetAsync("/api/v1/namespaces/secret/configmaps/plans")).ShouldFailWith(403);

        Assert.Equal("Forbidden", status.Reason);
        Assert.Contains("User \"anonymous\" cannot get resource \"configmaps\"", status.Message, StringComparison.Ordinal);
        Assert.Contains("namespace \"secret\"", status.Message, StringComparison.Ordinal);
        Assert.Contains("secret namespace is off limits", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Denied_NeverReachesTheStore()
    {
        (await _server.HttpClient.ApiPostAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"secret"}}""")).ShouldSucceedWith(201);

        (await _server.HttpClient.ApiPostAsync("/api/v1/namespaces/secret/configmaps", ConfigMapBody("plans"))).ShouldFailWith(403);

        var list = (await _server.HttpClient.ApiGetAsync("/api/v1/configmaps")).ShouldSucceedWith(200).List();
        Assert.DoesNotContain(list.Items, i => i.Metadata.Name == "plans");
    }

    [Fact]
    public async Task Requests_AreAskedWithTheirVerbs()
    {
        var http = _server.HttpClient;
        (await http.ApiPostAsync("/api/v1/namespaces/default/configmaps", ConfigMapBody("verbs"))).ShouldSucceedWith(201);
        (await http.ApiGetAsync("/api/v1/namespaces/default/configmaps/verbs")).ShouldSucceedWith(200);
        (await http.ApiGetAsync("/api/v1/namespaces/default/configmaps")).ShouldSucceedWith(200);
        (await http.ApiPatchAsync("/api/v1/namespaces/default/configmaps/verbs", """{"data":{"a":"1"}}""")).ShouldSucceedWith(200);
        (await http.ApiDeleteAsync("/api/v1/namespaces/default/configmaps/verbs")).ShouldSucceedWith(200);
        (await http.ApiGetAsync("/sharpflow/v1/events?namespace=default")).ShouldSucceedWith(200);

        var asked = _authorizer.Requests.Where(r => r.Namespace == "default").Select(r => (r.Verb, r.Resource, r.Name)).ToList();
        Assert.Equal(
            [("create", "configmaps", null), ("get", "configmaps", "verbs"), ("list", "configmaps", null), ("patch", "configmaps", "verbs"), ("delete", "configmaps", "verbs"), ("list", "events", null)],
            asked);
        Assert.All(_authorizer.Requests, r => Assert.Equal("anonymous", r.Subject));
    }

    private static string ConfigMapBody(string name) => $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"}}""";

    /// <summary>Denies everything in the "secret" namespace and records what it was asked.</summary>
    private sealed class RecordingAuthorizer : IAuthorizer
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<AuthorizationRequest> _requests = new();

        public IReadOnlyList<AuthorizationRequest> Requests => _requests.ToList();

        public Task<AuthorizationDecision> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default)
        {
            _requests.Enqueue(request);
            return Task.FromResult(request.Namespace == "secret"
                ? AuthorizationDecision.Deny("the secret namespace is off limits")
                : AuthorizationDecision.Allow);
        }
    }
}
