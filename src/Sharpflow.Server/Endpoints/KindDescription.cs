namespace Sharpflow.Server.Endpoints;

/// <summary>One entry of <c>GET /sharpflow/v1/kinds</c>.</summary>
internal sealed record KindDescription(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    string ApiVersion,
    bool HasStatusSubresource);
