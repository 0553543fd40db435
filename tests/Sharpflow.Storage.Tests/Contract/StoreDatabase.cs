namespace Sharpflow.Storage.Tests.Contract;

/// <summary>A database the contract tests run against: a provider name and a connection string.</summary>
public interface IStoreDatabase
{
    string Provider { get; }

    string ConnectionString { get; }
}
