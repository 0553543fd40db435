namespace Sharpflow.Storage.Tests.Contract;

public sealed class PostgresResourceStoreTests(PostgresDatabaseFixture database)
    : ResourceStoreContractTests(database), IClassFixture<PostgresDatabaseFixture>;
