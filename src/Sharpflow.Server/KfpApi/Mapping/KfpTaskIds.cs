using System.Security.Cryptography;
using System.Text;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>
/// KFP task ids for task executions: a UUID derived from the execution id (<c>{run uid}/{task path}</c>), stable across
/// restarts and retries, and free of the '/' a URL path segment cannot hold.
/// </summary>
internal static class KfpTaskIds
{
    public static string Of(string executionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(executionId));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
