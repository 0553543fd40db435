namespace Sharpflow.Core.Authorization;

/// <summary>Single-user mode: the one user may do everything. Multi-user mode replaces this service.</summary>
public sealed class SingleUserAuthorizer : IAuthorizer
{
    public Task<AuthorizationDecision> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(AuthorizationDecision.Allow);
}
