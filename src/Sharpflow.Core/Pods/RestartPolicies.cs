namespace Sharpflow.Core.Pods;

public static class RestartPolicies
{
    public const string Always = "Always";
    public const string OnFailure = "OnFailure";
    public const string Never = "Never";

    public static IReadOnlyList<string> All { get; } = [Always, OnFailure, Never];
}
