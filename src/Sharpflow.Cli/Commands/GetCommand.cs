using System.CommandLine;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Client;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow get KIND [NAME...]</c>: lists or shows objects; <c>get kinds</c> lists what the server serves.</summary>
internal sealed partial class GetCommand : SharpflowCommand
{
    public const string KindsArgument = "kinds";

    private const int PageSize = 500;

    private readonly Argument<string> _kind = new("KIND") { Description = "A kind, plural or short name (configmaps, cm, pytorchjobs.kubeflow.org), or 'kinds'" };
    private readonly Argument<string[]> _names = new("NAME") { Description = "Names of objects (default: all)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _selector = new("--selector", "-l") { Description = "Label selector, e.g. app=demo,tier!=web", HelpName = "SELECTOR" };
    private readonly Option<bool> _allNamespaces = new("--all-namespaces", "-A") { Description = "List objects of every namespace" };
    private readonly Option<OutputFormat> _output = OutputOption.Create();
    private readonly Option<bool> _watch = new("--watch", "-w") { Description = "After listing, keep printing changes until interrupted" };

    public GetCommand(CliContext context)
        : base(context, "get", "Show objects as a table, JSON or YAML")
    {
        Add(_kind);
        Add(_names);
        Add(_selector);
        Add(_allNamespaces);
        Add(_output);
        Add(_watch);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var kindName = invocation.Get(_kind)!;
        var format = invocation.Get(_output);
        if (kindName.Equals(KindsArgument, StringComparison.OrdinalIgnoreCase))
        {
            await PrintKindsAsync(invocation, format, cancellationToken);
            return ExitCodes.Ok;
        }

        var kind = await invocation.Client.ResolveKindAsync(kindName, cancellationToken);
        var names = invocation.Get(_names) ?? [];
        var allNamespaces = invocation.Get(_allNamespaces);
        var ns = kind.Namespaced && !allNamespaces ? invocation.Namespace : null;
        var showNamespace = kind.Namespaced && allNamespaces;
        var selector = invocation.Get(_selector);
        if (invocation.Get(_watch))
        {
            return await WatchAsync(invocation, kind, ns, names, selector, format, showNamespace, cancellationToken);
        }

        if (names.Length > 0)
        {
            return await PrintNamedAsync(invocation, kind, ns, names, format, showNamespace, cancellationToken);
        }

        var list = await ListAllAsync(invocation.Client, kind, ns, selector, cancellationToken);
        if (format != OutputFormat.Table)
        {
            invocation.Printer.PrintList(list, format);
        }
        else if (list.Items.Count == 0)
        {
            invocation.Console.Error.WriteLine(ns is null ? "No resources found" : $"No resources found in {ns} namespace.");
        }
        else
        {
            invocation.Printer.PrintTable(list.Items, showNamespace);
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> PrintNamedAsync(
        CliInvocation invocation, KindInfo kind, string? ns, string[] names, OutputFormat format, bool showNamespace, CancellationToken cancellationToken)
    {
        var found = new List<Resource>();
        var result = ExitCodes.Ok;
        foreach (var name in names)
        {
            try
            {
                found.Add(await invocation.Client.GetAsync(kind, ns ?? (kind.Namespaced ? invocation.Namespace : null), name, cancellationToken));
            }
            catch (ResourceException e)
            {
                invocation.Console.Error.WriteLine(ErrorMessages.FromServer(e));
                result = result == ExitCodes.Ok ? ErrorMessages.ExitCode(e) : result;
            }
        }

        if (format == OutputFormat.Table)
        {
            if (found.Count > 0)
            {
                invocation.Printer.PrintTable(found, showNamespace);
            }
        }
        else if (names.Length == 1)
        {
            found.ForEach(resource => invocation.Printer.PrintObject(resource, format));
        }
        else
        {
            invocation.Printer.PrintList(new ResourceList { Kind = "List", Items = found }, format);
        }

        return result;
    }

    /// <summary>Lists every page, so the printed list is whole however large the collection is.</summary>
    private static async Task<ResourceList> ListAllAsync(SharpflowClient client, KindInfo kind, string? ns, string? selector, CancellationToken cancellationToken)
    {
        var options = new ListOptions { LabelSelector = selector, Limit = PageSize };
        var page = await client.ListAsync(kind, ns, options, cancellationToken);
        var items = page.Items.ToList();
        var first = page;
        while (!string.IsNullOrEmpty(page.Metadata.Continue))
        {
            page = await client.ListAsync(kind, ns, options with { Continue = page.Metadata.Continue }, cancellationToken);
            items.AddRange(page.Items);
        }

        return first with { Items = items, Metadata = first.Metadata with { Continue = null } };
    }
}
