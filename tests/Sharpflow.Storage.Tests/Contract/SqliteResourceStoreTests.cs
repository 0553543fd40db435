namespace Sharpflow.Storage.Tests.Contract;

public sealed class SqliteResourceStoreTests(SqliteDatabaseFixture database)
    : ResourceStoreContractTests(database), IClassFixture<SqliteDatabaseFixture>;
