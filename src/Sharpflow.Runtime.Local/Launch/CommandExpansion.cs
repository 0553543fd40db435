using System.Text;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Kubernetes' variable references in command and args: <c>$(NAME)</c> becomes the value of the workload's variable
/// NAME when it is defined and stays as written when not; <c>$$</c> is an escaped <c>$</c>.
/// </summary>
internal static class CommandExpansion
{
    public static string Expand(string input, IReadOnlyDictionary<string, string> env)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i]);
            }
            else if (input[i + 1] == '$')
            {
                output.Append('$');
                i++;
            }
            else if (input[i + 1] == '(' && input.IndexOf(')', i + 2) is var close and > 0)
            {
                var name = input[(i + 2)..close];
                output.Append(env.TryGetValue(name, out var value) ? value : input[i..(close + 1)]);
                i = close;
            }
            else
            {
                output.Append('$');
            }
        }

        return output.ToString();
    }
}
