using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Api.Resources;

public static class ResourceExtensions
{
    public static T? GetSpec<T>(this Resource resource) where T : class =>
        resource.Spec?.Deserialize<T>(ApiJson.Options);

    public static T? GetStatus<T>(this Resource resource) where T : class =>
        resource.Status?.Deserialize<T>(ApiJson.Options);

    public static Resource WithSpec<T>(this Resource resource, T spec) =>
        resource with { Spec = ToObject(spec) };

    public static Resource WithStatus<T>(this Resource resource, T status) =>
        resource with { Status = ToObject(status) };

    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, ApiJson.Options) as JsonObject
        ?? throw new ArgumentException($"{typeof(T).Name} does not serialize to a JSON object.", nameof(value));

    public static bool IsBeingDeleted(this Resource resource) => resource.Metadata.DeletionTimestamp is not null;

    public static bool HasFinalizer(this Resource resource, string finalizer) =>
        resource.Metadata.Finalizers?.Contains(finalizer) == true;

    public static Resource DeepClone(this Resource resource) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(resource, ApiJsonContext.Default.Resource), ApiJsonContext.Default.Resource)!;
}
