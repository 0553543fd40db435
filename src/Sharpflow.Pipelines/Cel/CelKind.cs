namespace Sharpflow.Pipelines.Cel;

internal enum CelKind
{
    Null,
    Bool,
    Int,
    Double,
    String,
    List,
    Map,
}
