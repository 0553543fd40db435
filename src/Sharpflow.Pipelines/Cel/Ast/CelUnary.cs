namespace Sharpflow.Pipelines.Cel.Ast;

internal sealed record CelUnary(CelOperator Operator, CelNode Operand, int Position) : CelNode(Position);
