namespace Sharpflow.Core.Authorization;

/// <summary>Every API request is checked here before it touches a resource.</summary>
public interface IAuthorizer
{
    Task<AuthorizationDecision> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default);
}
