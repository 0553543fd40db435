using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// KFP's cache fingerprint (<c>backend/src/v2/cacheutils/cache.go</c>, <c>driver/cache.go</c>): the SHA-256 of
/// the <c>CacheKey</c> message as JSON with sorted keys. The key holds the input artifact names, the input
/// parameter values, the output artifacts without URIs, the output parameter types, and the container image
/// with its unresolved command and args (and PVC names). Equal inputs give equal fingerprints; any change gives another.
/// </summary>
internal static class CacheFingerprint
{
    public static string Compute(ExecutorInput input, ComponentSpec component, ContainerSpec container, IReadOnlyList<string>? pvcNames = null)
    {
        var canonical = KfpJson.Canonical(BuildKey(input, component, container, pvcNames));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The <c>CacheKey</c> as protobuf JSON: empty maps, lists and strings are left out.</summary>
    public static JsonObject BuildKey(ExecutorInput input, ComponentSpec component, ContainerSpec container, IReadOnlyList<string>? pvcNames = null)
    {
        var key = new JsonObject();
        AddIfAny(key, "inputArtifactNames", input.Artifacts.Select(a => Entry(a.Key, new JsonObject
        {
            ["artifactNames"] = new JsonArray([.. a.Value.Select(artifact => JsonValue.Create(artifact.Name))]),
        })));
        AddIfAny(key, "inputParameterValues", input.ParameterValues.Select(p => Entry(p.Key, p.Value?.DeepClone())));
        AddIfAny(key, "outputArtifactsSpec", input.OutputArtifacts
            .Where(a => a.Value.Count > 0)
            .Select(a => Entry(a.Key, ExecutorInputJson.ArtifactToJson(a.Value[0] with { Uri = string.Empty }))));
        AddIfAny(key, "outputParametersSpec", input.OutputParameterFiles.Keys.Select(name => Entry(name, JsonValue.Create(
            component.OutputParameters.TryGetValue(name, out var definition)
                ? definition.ParameterType.ProtoName()
                : throw new LaunchException($"output parameter \"{name}\" is not declared by the component")))));

        var containerKey = new JsonObject();
        if (!string.IsNullOrEmpty(container.Image))
        {
            containerKey["image"] = container.Image;
        }

        var cmdArgs = container.Command.Concat(container.Args).ToList();
        if (cmdArgs.Count > 0)
        {
            containerKey["cmdArgs"] = new JsonArray([.. cmdArgs.Select(arg => JsonValue.Create(arg))]);
        }

        var pvcs = (pvcNames ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (pvcs.Count > 0)
        {
            containerKey["pvcNames"] = new JsonArray([.. pvcs.Select(name => JsonValue.Create(name))]);
        }

        key["containerSpec"] = containerKey;
        return key;
    }

    private static void AddIfAny(JsonObject key, string name, IEnumerable<KeyValuePair<string, JsonNode?>> entries)
    {
        var map = new JsonObject(entries);
        if (map.Count > 0)
        {
            key[name] = map;
        }
    }

    private static KeyValuePair<string, JsonNode?> Entry(string key, JsonNode? value) => new(key, value);
}
