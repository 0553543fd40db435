namespace Sharpflow.Pipelines.Cel.Ast;

/// <summary><c>operand.field</c>.</summary>
internal sealed record CelSelect(CelNode Operand, string Field, int Position) : CelNode(Position);
