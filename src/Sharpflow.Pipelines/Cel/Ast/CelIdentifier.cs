namespace Sharpflow.Pipelines.Cel.Ast;

internal sealed record CelIdentifier(string Name, int Position) : CelNode(Position);
