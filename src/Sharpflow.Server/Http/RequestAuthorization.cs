using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Api.Errors;
using Sharpflow.Core.Authorization;
using Sharpflow.Server.Resources;

namespace Sharpflow.Server.Http;

/// <summary>Asks the registered <see cref="IAuthorizer"/> about a request before it touches anything; denial is a 403 Status.</summary>
internal static class RequestAuthorization
{
    public const string Anonymous = "anonymous";

    public static string Subject(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    public static Task EnsureAllowedAsync(HttpContext context, string verb, ResourceTarget target) =>
        EnsureAllowedAsync(context, verb, target.Kind.Group, target.Kind.Plural, target.Namespace, target.Name, target.Subresource);

    public static async Task EnsureAllowedAsync(
        HttpContext context, string verb, string group, string resource, string? ns, string? name = null, string? subresource = null)
    {
        var subject = Subject(context);
        var authorizer = context.RequestServices.GetRequiredService<IAuthorizer>();
        var decision = await authorizer.AuthorizeAsync(
            new AuthorizationRequest(subject, verb, group, resource, ns, name, subresource), context.RequestAborted);
        if (decision.Allowed)
        {
            return;
        }

        var qualified = subresource is null ? resource : $"{resource}/{subresource}";
        var target = name is null ? qualified : $"{resource} \"{name}\"";
        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var reason = string.IsNullOrEmpty(decision.Reason) ? string.Empty : $": {decision.Reason}";
        throw ResourceException.Forbidden(
            $"{target} is forbidden: User \"{subject}\" cannot {verb} resource \"{qualified}\" in API group \"{group}\" {scope}{reason}");
    }
}
