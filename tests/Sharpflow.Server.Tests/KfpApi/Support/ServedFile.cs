using System.Net;
using System.Net.Sockets;

namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>One file served over HTTP on 127.0.0.1 (a package_url for the server to fetch); any other path is a 404.</summary>
public sealed class ServedFile : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _path;
    private readonly byte[] _content;
    private readonly Task _serving;

    public ServedFile(string fileName, byte[] content)
    {
        var port = FreePort();
        _path = "/" + fileName;
        _content = content;
        Url = $"http://127.0.0.1:{port}{_path}";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _serving.Exception;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath == _path)
            {
                response.StatusCode = 200;
                await response.OutputStream.WriteAsync(_content);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
