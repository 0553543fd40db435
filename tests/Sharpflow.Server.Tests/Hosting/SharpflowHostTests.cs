using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sharpflow.Server.Hosting;
using Xunit;

namespace Sharpflow.Server.Tests.Hosting;

public sealed class SharpflowHostTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sharpflow-host-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Build_NothingSet_Uses127001Port8080AndSqliteInTheDataDirectory()
    {
        var dataDirectory = Path.Combine(_root, "data");
        await using var app = SharpflowHost.Build(new SharpflowServerOptions(), [$"--Sharpflow:DataDirectory={dataDirectory}"]);

        var options = app.Services.GetRequiredService<SharpflowServerOptions>();
        Assert.Equal("http://127.0.0.1:8080", options.Urls);
        Assert.Equal(SharpflowStoreOptions.Sqlite, options.Store.Provider);
        Assert.Equal($"Data Source={Path.Combine(dataDirectory, "sharpflow.db")}", options.Store.ConnectionString);
        Assert.True(options.RunControllers);
        Assert.True(Directory.Exists(Path.Combine(dataDirectory, "workloads")));
    }

    [Fact]
    public async Task Build_ExplicitOptions_WinOverConfiguration()
    {
        var fromFlags = Path.Combine(_root, "flags");
        await using var app = SharpflowHost.Build(
            new SharpflowServerOptions { DataDirectory = fromFlags, Port = 9123 },
            [$"--Sharpflow:DataDirectory={Path.Combine(_root, "config")}", "--Sharpflow:Port=9999", "--Sharpflow:RunControllers=false"]);

        var options = app.Services.GetRequiredService<SharpflowServerOptions>();
        Assert.Equal(fromFlags, options.DataDirectory);
        Assert.Equal("http://127.0.0.1:9123", options.Urls);
        Assert.False(options.RunControllers);
    }

    [Fact]
    public void Build_InvalidSettings_ThrowsNamingEachOne()
    {
        var error = Assert.Throws<OptionsValidationException>(() => SharpflowHost.Build(
            new SharpflowServerOptions { DataDirectory = _root, Port = 70000 },
            ["--Sharpflow:Store:Provider=oracle"]));

        Assert.Contains(error.Failures, f => f.Contains("Sharpflow:Port", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("\"oracle\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_PostgresWithoutConnectionString_IsRejected()
    {
        var error = Assert.Throws<OptionsValidationException>(() => SharpflowHost.Build(
            new SharpflowServerOptions { DataDirectory = _root, Store = new SharpflowStoreOptions { Provider = SharpflowStoreOptions.Postgres } }));

        Assert.Contains(error.Failures, f => f.Contains("ConnectionString", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
