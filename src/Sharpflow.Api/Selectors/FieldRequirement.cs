using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Selectors;

/// <summary>One term of a field selector: <see cref="Operator"/> is Equals or NotEquals.</summary>
public sealed record FieldRequirement(string Field, SelectorOperator Operator, string Value)
{
    public bool Matches(Resource resource)
    {
        var actual = Field == FieldSelector.Name ? resource.Metadata.Name : resource.Metadata.Namespace;
        var equal = string.Equals(actual ?? string.Empty, Value, StringComparison.Ordinal);
        return Operator == SelectorOperator.Equals ? equal : !equal;
    }

    public override string ToString() => $"{Field}{(Operator == SelectorOperator.Equals ? "=" : "!=")}{Value}";
}
