namespace Sharpflow.Pipelines.Cel.Ast;

/// <summary><c>function(args)</c>, or <c>target.function(args)</c> when <see cref="Target"/> is set.</summary>
internal sealed record CelCall(CelNode? Target, string Function, IReadOnlyList<CelNode> Arguments, int Position) : CelNode(Position);
