namespace Sharpflow.Api.Selectors;

/// <summary>
/// Splits a label selector into tokens the way Kubernetes' lexer does: whitespace separates tokens,
/// <c>! = , ( )</c> are operators, and every other run of characters is an identifier.
/// </summary>
internal static class SelectorLexer
{
    public static List<SelectorToken> Tokenize(string text)
    {
        var tokens = new List<SelectorToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case ',':
                    tokens.Add(new(SelectorTokenKind.Comma, ",", i++));
                    continue;
                case '(':
                    tokens.Add(new(SelectorTokenKind.OpenParen, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new(SelectorTokenKind.CloseParen, ")", i++));
                    continue;
                case '=':
                    var isDouble = i + 1 < text.Length && text[i + 1] == '=';
                    tokens.Add(isDouble ? new(SelectorTokenKind.DoubleEquals, "==", i) : new(SelectorTokenKind.Equals, "=", i));
                    i += isDouble ? 2 : 1;
                    continue;
                case '!':
                    var isNotEquals = i + 1 < text.Length && text[i + 1] == '=';
                    tokens.Add(isNotEquals ? new(SelectorTokenKind.NotEquals, "!=", i) : new(SelectorTokenKind.Bang, "!", i));
                    i += isNotEquals ? 2 : 1;
                    continue;
            }

            var start = i;
            while (i < text.Length && !IsSpecial(text[i]))
            {
                i++;
            }

            tokens.Add(new(SelectorTokenKind.Identifier, text[start..i], start));
        }

        tokens.Add(new(SelectorTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static bool IsSpecial(char c) => char.IsWhiteSpace(c) || c is ',' or '(' or ')' or '=' or '!';
}
