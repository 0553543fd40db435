using System.Net;
using System.Net.Sockets;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Hands out free 127.0.0.1 ports: the operating system picks one, and ports held by live workloads are never handed
/// out twice even before their process binds them. Not thread-safe.
/// </summary>
internal sealed class PortAllocator
{
    private const int Attempts = 32;
    private readonly HashSet<int> _held = [];

    public int Allocate()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (_held.Add(port))
            {
                return port;
            }
        }

        throw new WorkloadLaunchException("no free port on 127.0.0.1 could be allocated.");
    }

    /// <summary>Marks ports of a re-adopted workload as held.</summary>
    public void Restore(IEnumerable<int> ports) => _held.UnionWith(ports);

    public void Release(IEnumerable<int> ports) => _held.ExceptWith(ports);
}
