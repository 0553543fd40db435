namespace Sharpflow.Pipelines.Cel.Ast;

/// <summary><c>condition ? then : else</c>.</summary>
internal sealed record CelConditional(CelNode Condition, CelNode Then, CelNode Else, int Position) : CelNode(Position);
