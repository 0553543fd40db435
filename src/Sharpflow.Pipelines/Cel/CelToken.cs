namespace Sharpflow.Pipelines.Cel;

/// <summary>A token; <see cref="Text"/> is the identifier or the decoded string, <see cref="Number"/> an integer literal's magnitude.</summary>
internal readonly record struct CelToken(CelTokenKind Kind, int Position, string Text = "", ulong Number = 0, double Real = 0);
