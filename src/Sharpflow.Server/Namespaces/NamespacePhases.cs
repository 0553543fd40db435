namespace Sharpflow.Server.Namespaces;

/// <summary>A namespace's status.phase as Kubernetes reports it: Active, or Terminating while its contents are deleted.</summary>
internal static class NamespacePhases
{
    public const string Active = "Active";
    public const string Terminating = "Terminating";
}
