using Sharpflow.Pipelines.Cel;

namespace Sharpflow.Pipelines.Cel.Ast;

internal sealed record CelLiteral(CelValue Value, int Position) : CelNode(Position);
