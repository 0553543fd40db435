using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>One condition of a filter, its operand already read as the key's kind (strings normalized for enum keys, times in Unix seconds).</summary>
internal sealed record KfpPredicate<T>(string Key, KfpField<T> Field, KfpOperation Operation, IReadOnlyList<KfpValue> Operands)
{
    public bool Matches(T item)
    {
        var value = Field.Get(item);
        if (Field.Normalize is { } normalize && value.Kind == KfpValueKind.String)
        {
            value = KfpValue.Of(normalize(value.Text));
        }

        return Operation switch
        {
            KfpOperation.In => Operands.Any(o => Compare(value, o) == 0),
            KfpOperation.IsSubstring => value.Text.Contains(Operands[0].Text, StringComparison.Ordinal),
            KfpOperation.Equals => Compare(value, Operands[0]) == 0,
            KfpOperation.NotEquals => Compare(value, Operands[0]) != 0,
            KfpOperation.GreaterThan => Compare(value, Operands[0]) > 0,
            KfpOperation.GreaterThanEquals => Compare(value, Operands[0]) >= 0,
            KfpOperation.LessThan => Compare(value, Operands[0]) < 0,
            KfpOperation.LessThanEquals => Compare(value, Operands[0]) <= 0,
            _ => throw KfpErrors.InvalidArgument("filter", $"operation {Operation} is not supported"),
        };
    }

    private static int Compare(KfpValue value, KfpValue operand) => value.Kind switch
    {
        KfpValueKind.String => string.CompareOrdinal(value.Text, operand.Text),
        KfpValueKind.Time => value.Seconds.CompareTo(operand.Number),
        _ => value.Number.CompareTo(operand.Number),
    };
}
