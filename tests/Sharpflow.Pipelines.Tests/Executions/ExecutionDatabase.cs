using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Core.Executions;
using Sharpflow.Storage;

namespace Sharpflow.Pipelines.Tests.Executions;

/// <summary>A database for the execution store contract, and the store as the server composes it over that database.</summary>
public abstract class ExecutionDatabase : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected abstract string Provider { get; }

    public IExecutionStore Store => _services!.GetRequiredService<IExecutionStore>();

    public async Task InitializeAsync()
    {
        var connectionString = await CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSharpflowStorage(options =>
        {
            options.Provider = Provider;
            options.ConnectionString = connectionString;
        });
        _services = services.BuildServiceProvider();
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    protected abstract Task<string> CreateAsync();
}
