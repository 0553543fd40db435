using Sharpflow.Storage.Migrations;

namespace Sharpflow.Storage.Providers;

internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial schema", """
            CREATE TABLE sf_state (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO sf_state (name, value) VALUES ('version', 0), ('compacted', 0);

            CREATE TABLE sf_resources (
                id INTEGER PRIMARY KEY,
                api_group TEXT NOT NULL,
                kind TEXT NOT NULL,
                namespace TEXT NOT NULL,
                name TEXT NOT NULL,
                uid TEXT NOT NULL,
                resource_version INTEGER NOT NULL,
                body TEXT NOT NULL);
            CREATE UNIQUE INDEX ix_sf_resources_key ON sf_resources (api_group, kind, namespace, name);
            CREATE UNIQUE INDEX ix_sf_resources_uid ON sf_resources (uid);

            CREATE TABLE sf_labels (
                resource_id INTEGER NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (resource_id, key)) WITHOUT ROWID;
            CREATE INDEX ix_sf_labels_key_value ON sf_labels (key, value, resource_id);

            CREATE TABLE sf_owners (
                resource_id INTEGER NOT NULL,
                owner_uid TEXT NOT NULL,
                PRIMARY KEY (resource_id, owner_uid)) WITHOUT ROWID;
            CREATE INDEX ix_sf_owners_owner ON sf_owners (owner_uid);

            CREATE TABLE sf_changes (
                version INTEGER PRIMARY KEY,
                type INTEGER NOT NULL,
                api_group TEXT NOT NULL,
                kind TEXT NOT NULL,
                namespace TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                body TEXT NOT NULL);

            CREATE TABLE sf_events (
                id INTEGER PRIMARY KEY,
                fold_key TEXT NOT NULL,
                api_version TEXT NOT NULL,
                kind TEXT NOT NULL,
                namespace TEXT NOT NULL,
                name TEXT NOT NULL,
                uid TEXT NULL,
                type TEXT NOT NULL,
                reason TEXT NOT NULL,
                message TEXT NOT NULL,
                source TEXT NULL,
                count INTEGER NOT NULL,
                first_at INTEGER NOT NULL,
                last_at INTEGER NOT NULL);
            CREATE UNIQUE INDEX ix_sf_events_fold_key ON sf_events (fold_key);
            CREATE INDEX ix_sf_events_object ON sf_events (namespace, kind, name);
            CREATE INDEX ix_sf_events_uid ON sf_events (uid);
            CREATE INDEX ix_sf_events_last_at ON sf_events (last_at);

            CREATE TABLE sf_leases (
                name TEXT NOT NULL PRIMARY KEY,
                holder TEXT NOT NULL,
                acquired_at INTEGER NOT NULL,
                renewed_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL) WITHOUT ROWID;
            """),
        ExecutionMigrations.Sqlite,
        ChangeLabelMigrations.Sqlite,
    ];
}
