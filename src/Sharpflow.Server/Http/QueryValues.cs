using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;

namespace Sharpflow.Server.Http;

/// <summary>Typed query-string parameters; a value that does not parse is a 400 naming the parameter.</summary>
internal static class QueryValues
{
    public static string? String(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static bool Bool(HttpRequest request, string name)
    {
        var value = String(request, name);
        return value switch
        {
            null => false,
            "1" => true,
            "0" => false,
            _ when bool.TryParse(value, out var parsed) => parsed,
            _ => throw ResourceException.BadRequest($"query parameter {name}=\"{value}\" must be true or false", name),
        };
    }

    public static int? Int(HttpRequest request, string name, int minimum = 0)
    {
        var value = String(request, name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= minimum
            ? parsed
            : throw ResourceException.BadRequest($"query parameter {name}=\"{value}\" must be a whole number of at least {minimum}", name);
    }
}
