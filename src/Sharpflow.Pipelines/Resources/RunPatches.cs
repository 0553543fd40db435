using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Resources;

/// <summary>The merge patches a client sends to terminate or retry a run (see <see cref="RunSpec"/>).</summary>
public static class RunPatches
{
    public const string Terminate = """{"spec":{"terminate":true}}""";

    /// <summary>Retries a FAILED or CANCELED run: the next retry number after <paramref name="retries"/> (status.retries), terminate cleared.</summary>
    public static string Retry(int retries) =>
        new JsonObject { ["spec"] = new JsonObject { ["retry"] = retries + 1, ["terminate"] = false } }.ToJsonString();
}
