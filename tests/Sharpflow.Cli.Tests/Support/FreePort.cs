using System.Net;
using System.Net.Sockets;

namespace Sharpflow.Cli.Tests.Support;

public static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS picks it, then it is released).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
