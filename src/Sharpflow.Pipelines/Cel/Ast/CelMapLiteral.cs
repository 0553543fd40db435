namespace Sharpflow.Pipelines.Cel.Ast;

internal sealed record CelMapLiteral(IReadOnlyList<KeyValuePair<CelNode, CelNode>> Entries, int Position) : CelNode(Position);
