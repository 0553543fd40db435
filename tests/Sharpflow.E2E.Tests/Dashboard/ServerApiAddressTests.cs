using Sharpflow.Dashboard.Hosting;
using Xunit;

namespace Sharpflow.E2E.Tests.Dashboard;

public sealed class ServerApiAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    public void Resolve_ListenAddress_ReachableFromInsideTheServer(string listening, string expected)
    {
        var address = new ServerApiAddress(new FakeServer(listening)).Resolve();

        Assert.Equal(expected, address.ToString());
    }

    [Fact]
    public void Resolve_HttpAndHttps_PrefersPlainHttpOnLoopback()
    {
        var address = new ServerApiAddress(new FakeServer("https://10.1.2.3:8443", "http://10.1.2.3:8080", "http://127.0.0.1:8080")).Resolve();

        Assert.Equal("http://127.0.0.1:8080/", address.ToString());
    }

    [Fact]
    public void Resolve_NoAddresses_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServerApiAddress(new FakeServer()).Resolve());

        Assert.Contains("http://127.0.0.1:8080", error.Message, StringComparison.Ordinal);
    }
}
