namespace Sharpflow.Api.Selectors;

/// <summary>
/// One term of a label selector. <see cref="Values"/> holds one value for Equals/NotEquals, one or
/// more for In/NotIn, and none for Exists/DoesNotExist.
/// </summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        string? value = null;
        var present = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            SelectorOperator.Equals or SelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.NotEquals or SelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        SelectorOperator.Equals => $"{Key}={Values[0]}",
        SelectorOperator.NotEquals => $"{Key}!={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(',', Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        SelectorOperator.Exists => Key,
        _ => $"!{Key}",
    };
}
