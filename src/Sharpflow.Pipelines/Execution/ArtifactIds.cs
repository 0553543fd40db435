using Sharpflow.Pipelines.Engine;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// Identities of produced artifacts, carried as the runtime artifact's <c>name</c> downstream: they enter the
/// cache fingerprint of consumers, so a cached producer (whose outputs are the original's) keeps consumers cached too.
/// </summary>
internal static class ArtifactIds
{
    /// <summary>An artifact written at <paramref name="uri"/>: URIs are unique per execution and output.</summary>
    public static string ForUri(string uri) => "artifact-" + RunContext.Hash(uri, 16);

    /// <summary>An imported URI: the same for every import unless <paramref name="reimport"/> asks for a new artifact each time.</summary>
    public static string ForImport(string uri, string executionId, bool reimport) =>
        "artifact-" + RunContext.Hash(reimport ? $"{uri}\n{executionId}" : uri, 16);
}
