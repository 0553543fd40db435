using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Errors;

/// <summary>
/// A <c>google.rpc.Status</c> body, <c>{code, message, details}</c>, as grpc-gateway writes it for KFP. Field problems
/// are listed in a <c>google.rpc.BadRequest</c> detail (<c>field_violations[{field, description}]</c>).
/// </summary>
internal static class RpcStatusResult
{
    private const string BadRequestType = "type.googleapis.com/google.rpc.BadRequest";

    public static IResult From(ApiStatus status)
    {
        var (httpStatus, code) = Map(status);
        var details = new JsonArray();
        var violations = (status.Details?.Causes ?? [])
            .Where(c => !string.IsNullOrEmpty(c.Field))
            .Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["description"] = c.Message ?? status.Message })
            .ToArray();
        if (violations.Length > 0)
        {
            details.Add(new JsonObject { ["@type"] = BadRequestType, ["field_violations"] = new JsonArray(violations) });
        }

        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = status.Message ?? string.Empty,
            ["details"] = details,
        };
        return KfpJson.Result(body, httpStatus);
    }

    public static IResult Of(int httpStatus, int code, string message) =>
        KfpJson.Result(new JsonObject { ["code"] = code, ["message"] = message, ["details"] = new JsonArray() }, httpStatus);

    /// <summary>The HTTP status and rpc code of a Status; validation (422) is a 400 INVALID_ARGUMENT, as KFP answers it.</summary>
    public static (int HttpStatus, int Code) Map(ApiStatus status) => status.Code switch
    {
        400 or 415 => (status.Code, RpcCode.InvalidArgument),
        422 => (StatusCodes.Status400BadRequest, RpcCode.InvalidArgument),
        413 => (status.Code, RpcCode.InvalidArgument),
        401 => (status.Code, RpcCode.Unauthenticated),
        403 => (status.Code, RpcCode.PermissionDenied),
        404 => (status.Code, RpcCode.NotFound),
        405 => (status.Code, RpcCode.Unimplemented),
        409 when status.Reason == "AlreadyExists" => (status.Code, RpcCode.AlreadyExists),
        409 when status.Reason == KfpErrors.FailedPreconditionReason => (status.Code, RpcCode.FailedPrecondition),
        409 => (status.Code, RpcCode.Aborted),
        410 => (StatusCodes.Status400BadRequest, RpcCode.FailedPrecondition),
        429 => (status.Code, RpcCode.ResourceExhausted),
        503 => (status.Code, RpcCode.Unavailable),
        >= 500 => (status.Code, RpcCode.Internal),
        _ => (status.Code, RpcCode.Unknown),
    };
}
