using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Tests.Providers;

public sealed class StorageOptionsValidatorTests
{
    [Theory]
    [InlineData("mysql", "Data Source=x.db", "Storage:Provider must be \"sqlite\" or \"postgres\"")]
    [InlineData("sqlite", "", "Storage:ConnectionString is required")]
    [InlineData("postgres", " ", "Storage:ConnectionString is required for PostgreSQL")]
    [InlineData("sqlite", "Data Source=x.db;Broken", "Storage:ConnectionString is not a valid connection string")]
    public void Resolve_InvalidOptions_FailsWithMessageNamingTheSetting(string provider, string connectionString, string expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSharpflowStorage(o =>
        {
            o.Provider = provider;
            o.ConnectionString = connectionString;
        });
        using var built = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => built.GetRequiredService<IResourceStore>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PostgresInAnyCase_IsAccepted()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "PostgreSQL", ConnectionString = "Host=db;Database=sharpflow" });

        Assert.True(result.Succeeded);
    }
}
