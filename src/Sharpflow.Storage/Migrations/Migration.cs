namespace Sharpflow.Storage.Migrations;

/// <summary>One versioned schema step of a provider, applied once in its own transaction.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
