namespace Sharpflow.Pipelines.Cel.Ast;

/// <summary>A node of a parsed CEL expression; <see cref="Position"/> is its offset in the source.</summary>
internal abstract record CelNode(int Position);
