namespace Sharpflow.Core.Authorization;

/// <summary>Who wants to do what to which resource; verbs as Kubernetes RBAC: get, list, watch, create, update, patch, delete.</summary>
public sealed record AuthorizationRequest(string Subject, string Verb, string Group, string Resource, string? Namespace, string? Name = null, string? Subresource = null);
