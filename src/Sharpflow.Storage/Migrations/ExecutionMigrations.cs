namespace Sharpflow.Storage.Migrations;

/// <summary>
/// Version 2 of each provider's schema: pipeline task executions, indexed for the run tree (run, path)
/// and for cache lookups (namespace, pipeline, fingerprint, latest finished first).
/// </summary>
internal static class ExecutionMigrations
{
    public static Migration Sqlite { get; } = new(2, "task executions", """
        CREATE TABLE sf_task_executions (
            id TEXT NOT NULL PRIMARY KEY,
            run_uid TEXT NOT NULL,
            namespace TEXT NOT NULL,
            run_name TEXT NOT NULL,
            pipeline_name TEXT NOT NULL,
            task_path TEXT NOT NULL,
            task_name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent_id TEXT NULL,
            iteration_index INTEGER NULL,
            state TEXT NOT NULL,
            inputs TEXT NULL,
            outputs TEXT NULL,
            fingerprint TEXT NULL,
            cached_from TEXT NULL,
            attempts INTEGER NOT NULL,
            workload_id TEXT NULL,
            log_location TEXT NULL,
            error TEXT NULL,
            created_at INTEGER NOT NULL,
            started_at INTEGER NULL,
            finished_at INTEGER NULL);
        CREATE UNIQUE INDEX ix_sf_task_executions_run ON sf_task_executions (run_uid, task_path);
        CREATE INDEX ix_sf_task_executions_cache ON sf_task_executions (namespace, pipeline_name, fingerprint, state, finished_at)
            WHERE fingerprint IS NOT NULL;
        """);

    public static Migration Postgres { get; } = new(2, "task executions", """
        CREATE TABLE sf_task_executions (
            id text NOT NULL PRIMARY KEY,
            run_uid text NOT NULL,
            namespace text COLLATE "C" NOT NULL,
            run_name text NOT NULL,
            pipeline_name text NOT NULL,
            task_path text COLLATE "C" NOT NULL,
            task_name text NOT NULL,
            kind text NOT NULL,
            parent_id text NULL,
            iteration_index integer NULL,
            state text NOT NULL,
            inputs text NULL,
            outputs text NULL,
            fingerprint text NULL,
            cached_from text NULL,
            attempts integer NOT NULL,
            workload_id text NULL,
            log_location text NULL,
            error text NULL,
            created_at bigint NOT NULL,
            started_at bigint NULL,
            finished_at bigint NULL);
        CREATE UNIQUE INDEX ix_sf_task_executions_run ON sf_task_executions (run_uid, task_path);
        CREATE INDEX ix_sf_task_executions_cache ON sf_task_executions (namespace, pipeline_name, fingerprint, state, finished_at)
            WHERE fingerprint IS NOT NULL;
        """);
}
