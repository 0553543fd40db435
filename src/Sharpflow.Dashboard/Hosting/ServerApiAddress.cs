using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Sharpflow.Dashboard.Hosting;

/// <summary>
/// The address the dashboard uses to call the server's own API, read from the addresses the server
/// actually listens on (so port 0 and free ports work). Wildcard hosts become loopback: the dashboard
/// runs in the server process, and a browser-facing host name may not be reachable from inside it.
/// </summary>
internal sealed class ServerApiAddress(IServer server)
{
    public Uri Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses
            .Select(a => Uri.TryCreate(WithoutWildcard(a), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme is "http" or "https")
            .OrderBy(u => u.Scheme == "http" ? 0 : 1)
            .ThenBy(u => u.IsLoopback ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"The dashboard could not find an http(s) address the server listens on (addresses: [{string.Join(", ", addresses)}]); "
                + "start the server on an http URL such as http://127.0.0.1:8080.");
        }

        return ToReachable(candidates[0]);
    }

    internal static Uri ToReachable(Uri address)
    {
        var host = address.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ => address.Host,
        };
        return new UriBuilder(address.Scheme, host, address.Port).Uri;
    }

    // Kestrel accepts "http://+:8080" and "http://*:8080", which are not valid URIs.
    private static string WithoutWildcard(string address) =>
        address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
}
