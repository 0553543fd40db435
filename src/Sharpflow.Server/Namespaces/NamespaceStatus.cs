namespace Sharpflow.Server.Namespaces;

/// <summary>A namespace's status as Kubernetes reports it: phase Active, or Terminating while its contents are deleted.</summary>
internal sealed record NamespaceStatus
{
    public const string Active = "Active";
    public const string Terminating = "Terminating";

    public required string Phase { get; init; }
}
