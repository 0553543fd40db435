namespace Sharpflow.Storage.Migrations;

/// <summary>
/// Version 3 of each provider's schema: a MODIFIED change that changed the object's labels keeps the labels before
/// it, so that a label-filtered watch can tell an object that stopped (or started) matching from one that changed.
/// </summary>
internal static class ChangeLabelMigrations
{
    public static Migration Sqlite { get; } = new(3, "previous labels of changes", "ALTER TABLE sf_changes ADD COLUMN previous_labels TEXT NULL;");

    public static Migration Postgres { get; } = new(3, "previous labels of changes", "ALTER TABLE sf_changes ADD COLUMN previous_labels text NULL;");
}
