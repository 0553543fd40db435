using System.Security.Cryptography;
using System.Text;
using Sharpflow.Core.Events;

namespace Sharpflow.Storage.Events;

/// <summary>
/// Identifies "the same event again": the involved object (its uid, or kind/namespace/name when it has
/// none), type, reason and message. Hashed so the unique index stays small whatever the message length.
/// </summary>
internal static class EventFoldKey
{
    public static string Of(ResourceEvent resourceEvent)
    {
        var o = resourceEvent.InvolvedObject;
        var subject = string.IsNullOrEmpty(o.Uid) ? $"{o.Kind}\u001f{o.Namespace}\u001f{o.Name}" : $"uid\u001f{o.Uid}";
        var text = $"{subject}\u001e{resourceEvent.Type}\u001e{resourceEvent.Reason}\u001e{resourceEvent.Message}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
