namespace Sharpflow.Api.Selectors;

internal enum SelectorTokenKind
{
    End,
    Identifier,
    Comma,
    Equals,
    DoubleEquals,
    NotEquals,
    Bang,
    OpenParen,
    CloseParen,
}

/// <summary>A token of a selector string with its zero-based position, so errors can point at it.</summary>
internal readonly record struct SelectorToken(SelectorTokenKind Kind, string Text, int Position)
{
    public string Describe() => Kind switch
    {
        SelectorTokenKind.End => "end of selector",
        SelectorTokenKind.Identifier => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
