namespace Sharpflow.Pipelines.Cel.Ast;

internal sealed record CelBinary(CelOperator Operator, CelNode Left, CelNode Right, int Position) : CelNode(Position);
