using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Client;

namespace Sharpflow.Cli.Commands;

internal sealed partial class GetCommand
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Prints the current objects, then every change from the list's resourceVersion on, until
    /// interrupted. A dropped stream is resumed from the last version seen; an expired one (410) re-lists.
    /// </summary>
    private static async Task<int> WatchAsync(
        CliInvocation invocation,
        KindInfo kind,
        string? ns,
        string[] names,
        string? selector,
        OutputFormat format,
        bool showNamespace,
        CancellationToken cancellationToken)
    {
        bool Wanted(Resource r) => names.Length == 0 || names.Contains(r.Metadata.Name);

        var list = await ListAllAsync(invocation.Client, kind, ns, selector, cancellationToken);
        var initial = list.Items.Where(Wanted).ToList();
        IReadOnlyList<int>? widths = null;
        if (format == OutputFormat.Table)
        {
            widths = invocation.Printer.PrintTable(initial, showNamespace);
        }
        else
        {
            initial.ForEach(resource => invocation.Printer.PrintStreamed(resource, format));
        }

        var version = list.Metadata.ResourceVersion;
        try
        {
            while (true)
            {
                try
                {
                    await foreach (var change in invocation.Client.WatchAsync(kind, ns, version, selector, cancellationToken))
                    {
                        version = change.Object.Metadata.ResourceVersion ?? version;
                        if (change.Type == WatchEventType.Bookmark || !Wanted(change.Object))
                        {
                            continue;
                        }

                        if (format == OutputFormat.Table)
                        {
                            widths = invocation.Printer.PrintTable([change.Object], showNamespace, widths);
                        }
                        else
                        {
                            invocation.Printer.PrintStreamed(change.Object, format);
                        }
                    }
                }
                catch (ResourceException e) when (e.Code == 410)
                {
                    version = (await ListAllAsync(invocation.Client, kind, ns, selector, cancellationToken)).Metadata.ResourceVersion;
                }

                await Task.Delay(ReconnectDelay, invocation.Time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }
}
