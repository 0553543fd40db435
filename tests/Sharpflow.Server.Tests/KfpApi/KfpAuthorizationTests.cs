using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Core.Authorization;
using Sharpflow.Server.Tests.KfpApi.Support;
using Sharpflow.Testing;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>KFP requests pass the server's authorizer like any other; a denial is PERMISSION_DENIED naming the resource.</summary>
public sealed class KfpAuthorizationTests : IAsyncLifetime
{
    private SharpflowTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
    {
        RunControllers = false,
        ConfigureServices = services => services.AddSingleton<IAuthorizer, DenyExperimentsAuthorizer>(),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_DeniedByTheAuthorizer_AnswersPermissionDenied()
    {
        var listed = (await _server.HttpClient.KfpGetAsync($"{KfpCalls.Api}/experiments")).ShouldFailWith(403, 7);
        Assert.Contains("experiments", listed.Text("message"), StringComparison.Ordinal);

        (await _server.HttpClient.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = "denied" })).ShouldFailWith(403, 7);
        (await _server.HttpClient.KfpGetAsync($"{KfpCalls.Api}/runs")).Ok();
        Assert.True((await _server.HttpClient.KfpGetAsync($"{KfpCalls.Api}/healthz")).Ok()["multi_user"]!.GetValue<bool>());
    }

    private sealed class DenyExperimentsAuthorizer : IAuthorizer
    {
        public Task<AuthorizationDecision> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(request.Resource == "experiments" ? AuthorizationDecision.Deny("experiments are off limits") : AuthorizationDecision.Allow);
    }
}
