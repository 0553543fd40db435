using Microsoft.AspNetCore.Http;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Json;

/// <summary>Query parameters by their proto name or their JSON (camelCase) name, as grpc-gateway accepts both.</summary>
internal static class KfpQuery
{
    public static string? String(HttpRequest request, string protoName)
    {
        var value = request.Query[protoName].ToString();
        var camel = KfpBody.CamelCase(protoName);
        if (value.Length == 0 && camel != protoName)
        {
            value = request.Query[camel].ToString();
        }

        return value.Length == 0 ? null : value;
    }

    public static bool Bool(HttpRequest request, string protoName) => String(request, protoName) switch
    {
        null => false,
        var text when bool.TryParse(text, out var value) => value,
        "1" => true,
        "0" => false,
        var text => throw KfpErrors.InvalidArgument(protoName, $"\"{text}\" must be true or false"),
    };
}
