using System.Text.Json;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Server.Http;

/// <summary>Factories for <see cref="ApiResult"/> with the API's JSON conventions.</summary>
internal static class ApiResults
{
    public static ApiResult Ok(Resource resource) => new(resource, ApiJsonContext.Default.Resource, 200);

    public static ApiResult Created(Resource resource) => new(resource, ApiJsonContext.Default.Resource, 201);

    public static ApiResult List(ResourceList list) => new(list, ApiJsonContext.Default.ResourceList, 200);

    public static ApiResult Status(ApiStatus status) => new(status, ApiJsonContext.Default.ApiStatus, status.Code);

    /// <summary>Any other document (extension endpoints), serialized with <see cref="ApiJson.Options"/>.</summary>
    public static ApiResult Json<T>(T value)
        where T : notnull =>
        new(value, ApiJson.Options.GetTypeInfo(typeof(T)), 200);

    public static ApiStatus NotFoundStatus(string message) =>
        new() { Code = 404, Reason = "NotFound", Message = message };
}
