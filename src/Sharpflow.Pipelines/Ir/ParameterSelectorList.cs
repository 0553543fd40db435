namespace Sharpflow.Pipelines.Ir;

public sealed record ParameterSelectorList
{
    public IReadOnlyList<ParameterSelector> ParameterSelectors { get => field ?? []; init; }
}
