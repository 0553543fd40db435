using System.Buffers.Text;
using System.Text;
using Sharpflow.Api.Errors;

namespace Sharpflow.Storage.Resources;

/// <summary>The opaque list continuation: the (namespace, name) of the last item returned, base64url-encoded.</summary>
internal static class ContinueToken
{
    private const char Separator = '\n';

    public static string Encode(string @namespace, string name) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"1{Separator}{@namespace}{Separator}{name}"));

    public static (string Namespace, string Name) Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(Separator);
            if (parts is ["1", var ns, var name])
            {
                return (ns, name);
            }
        }
        catch (FormatException)
        {
        }

        throw ResourceException.BadRequest("the continue token is not valid; start the list again without it", "continue");
    }
}
