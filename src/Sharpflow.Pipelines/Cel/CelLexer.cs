using System.Globalization;
using System.Text;

namespace Sharpflow.Pipelines.Cel;

/// <summary>Splits a CEL expression into tokens: numbers, strings (all quote styles, raw and triple-quoted), identifiers, operators.</summary>
internal static class CelLexer
{
    public static List<CelToken> Tokenize(string source)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (true)
        {
            i = SkipSpaceAndComments(source, i);
            if (i >= source.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, i));
                return tokens;
            }

            var c = source[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(source, ref i, raw: false, i));
            }
            else if (c is 'r' or 'R' && i + 1 < source.Length && source[i + 1] is '"' or '\'')
            {
                var start = i++;
                tokens.Add(ReadString(source, ref i, raw: true, start));
            }
            else if (c is 'b' or 'B' && i + 1 < source.Length && source[i + 1] is '"' or '\'')
            {
                throw new CelException("bytes literals are not supported", i);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadIdentifier(source, ref i));
            }
            else
            {
                tokens.Add(ReadOperator(source, ref i));
            }
        }
    }

    private static int SkipSpaceAndComments(string source, int i)
    {
        while (i < source.Length)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                i++;
            }
            else if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static CelToken ReadIdentifier(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
        {
            i++;
        }

        var text = source[start..i];
        return text switch
        {
            "true" => new CelToken(CelTokenKind.True, start, text),
            "false" => new CelToken(CelTokenKind.False, start, text),
            "null" => new CelToken(CelTokenKind.Null, start, text),
            "in" => new CelToken(CelTokenKind.In, start, text),
            _ => new CelToken(CelTokenKind.Identifier, start, text),
        };
    }

    private static CelToken ReadNumber(string source, ref int i)
    {
        var start = i;
        if (source[i] == '0' && i + 1 < source.Length && source[i + 1] is 'x' or 'X')
        {
            i += 2;
            var digits = i;
            while (i < source.Length && char.IsAsciiHexDigit(source[i]))
            {
                i++;
            }

            if (i == digits || !ulong.TryParse(source.AsSpan(digits, i - digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                throw new CelException("malformed hexadecimal literal", start);
            }

            RejectUnsigned(source, i, start);
            return new CelToken(CelTokenKind.Int, start, source[start..i], hex);
        }

        var isDouble = false;
        while (i < source.Length && char.IsAsciiDigit(source[i]))
        {
            i++;
        }

        if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }

        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < source.Length && source[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < source.Length && char.IsAsciiDigit(source[exponent]))
            {
                isDouble = true;
                i = exponent;
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }
            }
        }

        var text = source[start..i];
        if (isDouble)
        {
            return new CelToken(CelTokenKind.Double, start, text, Real: double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        RejectUnsigned(source, i, start);
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new CelToken(CelTokenKind.Int, start, text, value)
            : throw new CelException($"integer literal {text} is out of range", start);
    }

    private static void RejectUnsigned(string source, int i, int start)
    {
        if (i < source.Length && source[i] is 'u' or 'U')
        {
            throw new CelException("unsigned integer literals are not supported", start);
        }
    }

    private static CelToken ReadString(string source, ref int i, bool raw, int start)
    {
        var quote = source[i];
        var triple = i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote;
        i += triple ? 3 : 1;
        var text = new StringBuilder();
        while (true)
        {
            if (i >= source.Length)
            {
                throw new CelException("unterminated string literal", start);
            }

            var c = source[i];
            if (c == quote && (!triple || (i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                return new CelToken(CelTokenKind.String, start, text.ToString());
            }

            if (!triple && c is '\n' or '\r')
            {
                throw new CelException("unterminated string literal (newline in a single-line string)", start);
            }

            if (c == '\\' && !raw)
            {
                ReadEscape(source, ref i, text);
                continue;
            }

            text.Append(c);
            i++;
        }
    }

    private static void ReadEscape(string source, ref int i, StringBuilder text)
    {
        var at = i;
        if (i + 1 >= source.Length)
        {
            throw new CelException("unterminated escape sequence", at);
        }

        var c = source[i + 1];
        i += 2;
        switch (c)
        {
            case 'a': text.Append('\a'); return;
            case 'b': text.Append('\b'); return;
            case 'f': text.Append('\f'); return;
            case 'n': text.Append('\n'); return;
            case 'r': text.Append('\r'); return;
            case 't': text.Append('\t'); return;
            case 'v': text.Append('\v'); return;
            case '\\' or '\'' or '"' or '`' or '?': text.Append(c); return;
            case 'x' or 'X': text.Append(char.ConvertFromUtf32(ReadHex(source, ref i, 2, at))); return;
            case 'u': text.Append(char.ConvertFromUtf32(ReadHex(source, ref i, 4, at))); return;
            case 'U': text.Append(char.ConvertFromUtf32(ReadHex(source, ref i, 8, at))); return;
        }

        if (c is >= '0' and <= '3' && i + 1 < source.Length && source[i] is >= '0' and <= '7' && source[i + 1] is >= '0' and <= '7')
        {
            text.Append((char)(((c - '0') * 64) + ((source[i] - '0') * 8) + (source[i + 1] - '0')));
            i += 2;
            return;
        }

        throw new CelException($"invalid escape sequence \\{c}", at);
    }

    private static int ReadHex(string source, ref int i, int length, int at)
    {
        if (i + length > source.Length
            || !int.TryParse(source.AsSpan(i, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw new CelException("invalid hexadecimal escape sequence", at);
        }

        i += length;
        return code;
    }

    private static CelToken ReadOperator(string source, ref int i)
    {
        var start = i;
        var next = i + 1 < source.Length ? source[i + 1] : '\0';
        (CelTokenKind kind, int length) = (source[i], next) switch
        {
            ('=', '=') => (CelTokenKind.EqualEqual, 2),
            ('!', '=') => (CelTokenKind.NotEqual, 2),
            ('<', '=') => (CelTokenKind.LessEqual, 2),
            ('>', '=') => (CelTokenKind.GreaterEqual, 2),
            ('&', '&') => (CelTokenKind.AndAnd, 2),
            ('|', '|') => (CelTokenKind.OrOr, 2),
            ('<', _) => (CelTokenKind.Less, 1),
            ('>', _) => (CelTokenKind.Greater, 1),
            ('!', _) => (CelTokenKind.Bang, 1),
            ('(', _) => (CelTokenKind.LeftParen, 1),
            (')', _) => (CelTokenKind.RightParen, 1),
            ('[', _) => (CelTokenKind.LeftBracket, 1),
            (']', _) => (CelTokenKind.RightBracket, 1),
            ('{', _) => (CelTokenKind.LeftBrace, 1),
            ('}', _) => (CelTokenKind.RightBrace, 1),
            ('.', _) => (CelTokenKind.Dot, 1),
            (',', _) => (CelTokenKind.Comma, 1),
            (':', _) => (CelTokenKind.Colon, 1),
            ('?', _) => (CelTokenKind.Question, 1),
            ('+', _) => (CelTokenKind.Plus, 1),
            ('-', _) => (CelTokenKind.Minus, 1),
            ('*', _) => (CelTokenKind.Star, 1),
            ('/', _) => (CelTokenKind.Slash, 1),
            ('%', _) => (CelTokenKind.Percent, 1),
            _ => throw new CelException($"unexpected character '{source[i]}'", start),
        };
        i += length;
        return new CelToken(kind, start, source.Substring(start, length));
    }
}
