namespace Sharpflow.Pipelines.Cel.Ast;

internal sealed record CelListLiteral(IReadOnlyList<CelNode> Items, int Position) : CelNode(Position);
