namespace Sharpflow.Pipelines.Tests.Executions;

public sealed class PostgresExecutionStoreTests(PostgresExecutionDatabase database)
    : ExecutionStoreContractTests(database), IClassFixture<PostgresExecutionDatabase>;
