namespace Sharpflow.Pipelines.Cel.Ast;

/// <summary><c>operand[index]</c>.</summary>
internal sealed record CelIndex(CelNode Operand, CelNode Index, int Position) : CelNode(Position);
