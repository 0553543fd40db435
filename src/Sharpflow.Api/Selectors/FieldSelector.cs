using System.Text;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Selectors;

/// <summary>
/// A parsed field selector: terms joined by AND, each <c>field=value</c>, <c>field==value</c> or
/// <c>field!=value</c>, over <c>metadata.name</c> and <c>metadata.namespace</c>. As in Kubernetes,
/// a backslash escapes ',', '=', '!' or '\' inside a value.
/// </summary>
public sealed class FieldSelector
{
    public const string Name = "metadata.name";
    public const string Namespace = "metadata.namespace";

    private FieldSelector(IReadOnlyList<FieldRequirement> requirements)
    {
        Requirements = requirements;
    }

    public static FieldSelector Everything { get; } = new([]);

    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Parses the selector; null or blank gives <see cref="Everything"/>.</summary>
    /// <exception cref="ResourceException">400 BadRequest naming the selector and the position of the problem.</exception>
    public static FieldSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        var start = 0;
        while (true)
        {
            var end = FindTermEnd(selector, start);
            requirements.Add(ParseTerm(selector, start, end));
            if (end >= selector.Length)
            {
                return new(requirements);
            }

            start = end + 1;
        }
    }

    public bool Matches(Resource resource) => Requirements.All(r => r.Matches(resource));

    public override string ToString() => string.Join(',', Requirements);

    private static int FindTermEnd(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                return i;
            }
        }

        return text.Length;
    }

    private static FieldRequirement ParseTerm(string text, int start, int end)
    {
        var opAt = -1;
        for (var i = start; i < end; i++)
        {
            if (text[i] is '=' or '!')
            {
                opAt = i;
                break;
            }
        }

        if (opAt < 0)
        {
            throw Error(text, $"expected 'field=value', 'field==value' or 'field!=value' but found \"{text[start..end]}\"", start);
        }

        var field = text[start..opAt].Trim();
        if (field is not (Name or Namespace))
        {
            throw Error(text, $"field \"{field}\" is not supported; use {Name} or {Namespace}", start);
        }

        var (op, length) = (text[opAt], opAt + 1 < end ? text[opAt + 1] : '\0') switch
        {
            ('=', '=') => (SelectorOperator.Equals, 2),
            ('=', _) => (SelectorOperator.Equals, 1),
            ('!', '=') => (SelectorOperator.NotEquals, 2),
            _ => throw Error(text, "expected '=', '==' or '!=' after the field name", opAt),
        };

        return new(field, op, Unescape(text, opAt + length, end));
    }

    private static string Unescape(string text, int start, int end)
    {
        var value = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= end || text[i + 1] is not (',' or '=' or '!' or '\\'))
                {
                    throw Error(text, "a backslash may only escape ',', '=', '!' or '\\'", i);
                }

                i++;
            }
            else if (text[i] is '=' or '!')
            {
                throw Error(text, $"unexpected '{text[i]}' in a value; escape it with a backslash", i);
            }

            value.Append(text[i]);
        }

        return value.ToString().Trim();
    }

    private static ResourceException Error(string text, string problem, int position) =>
        ResourceException.BadRequest($"unable to parse field selector \"{text}\": {problem} at position {position}", "fieldSelector");
}
