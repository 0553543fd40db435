using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Commands;

internal sealed partial class GetCommand
{
    private static async Task PrintKindsAsync(CliInvocation invocation, OutputFormat format, CancellationToken cancellationToken)
    {
        var kinds = (await invocation.Client.GetKindsAsync(cancellationToken))
            .OrderBy(k => k.Group, StringComparer.Ordinal)
            .ThenBy(k => k.Plural, StringComparer.Ordinal)
            .ToList();
        if (format != OutputFormat.Table)
        {
            invocation.Printer.PrintValue(kinds, format);
            return;
        }

        var table = new TextTable(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]);
        foreach (var kind in kinds)
        {
            table.Add(kind.Plural, string.Join(',', kind.ShortNames), kind.ApiVersion, kind.Namespaced ? "true" : "false", kind.Kind);
        }

        table.Write(invocation.Console.Out);
    }
}
