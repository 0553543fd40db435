namespace Sharpflow.Pipelines.Tests.Executions;

public sealed class SqliteExecutionStoreTests(SqliteExecutionDatabase database)
    : ExecutionStoreContractTests(database), IClassFixture<SqliteExecutionDatabase>;
