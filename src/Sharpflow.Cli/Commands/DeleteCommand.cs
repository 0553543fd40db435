using System.CommandLine;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Manifests;
using Sharpflow.Cli.Output;
using Sharpflow.Client;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow delete KIND NAME... | -f FILE</c>.</summary>
internal sealed class DeleteCommand : SharpflowCommand
{
    private readonly Argument<string[]> _target = new("KIND NAME") { Description = "A kind followed by one or more names", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _files = FileOption.Create("Delete the objects of a manifest, a directory of them, or - for stdin");
    private readonly Option<bool> _ignoreNotFound = new("--ignore-not-found") { Description = "Treat objects that do not exist as deleted" };
    private readonly Option<bool> _orphan = new("--orphan") { Description = "Leave the objects' dependents in place instead of deleting them too" };

    public DeleteCommand(CliContext context)
        : base(context, "delete", "Delete objects by kind and name, or those of a manifest")
    {
        Add(_target);
        Add(_files);
        Add(_ignoreNotFound);
        Add(_orphan);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var target = invocation.Get(_target) ?? [];
        var files = invocation.Get(_files) ?? [];
        if (files.Length > 0 == target.Length > 0)
        {
            throw new UsageException("give either KIND NAME... or -f FILE");
        }

        if (files.Length == 0 && target.Length < 2)
        {
            throw new UsageException($"name the {target[0]} to delete: sharpflow delete {target[0]} NAME");
        }

        var result = ExitCodes.Ok;
        if (files.Length > 0)
        {
            foreach (var document in await new ManifestReader(invocation.Console.In).ReadAsync(files, cancellationToken))
            {
                if (document.Resource is not { Metadata.Name: { } name } resource)
                {
                    invocation.Console.Error.WriteLine($"error: {document.Location}: {document.Error ?? "metadata.name is required to delete an object"}");
                    result = First(result, ExitCodes.Failure);
                    continue;
                }

                result = First(result, await DeleteAsync(invocation, () => invocation.Client.GetKindAsync(resource.ApiVersion, resource.Kind, cancellationToken), resource.Metadata.Namespace, name, cancellationToken));
            }

            return result;
        }

        var kind = await invocation.Client.ResolveKindAsync(target[0], cancellationToken);
        foreach (var name in target.Skip(1))
        {
            result = First(result, await DeleteAsync(invocation, () => Task.FromResult(kind), null, name, cancellationToken));
        }

        return result;
    }

    private async Task<int> DeleteAsync(CliInvocation invocation, Func<Task<KindInfo>> kindOf, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var kind = await kindOf();
            ns = kind.Namespaced ? ns ?? invocation.Namespace : null;
            var last = await invocation.Client.DeleteAsync(kind, ns, name, invocation.Get(_orphan), cancellationToken);
            var pending = last.Metadata is { DeletionTimestamp: not null, Finalizers.Count: > 0 };
            invocation.Console.Out.WriteLine($"{ResourcePrinter.KindName(kind.Kind, kind.Group)}/{name} {(pending ? "marked for deletion" : "deleted")}");
            return ExitCodes.Ok;
        }
        catch (ResourceException e) when (e.Code == 404 && invocation.Get(_ignoreNotFound))
        {
            return ExitCodes.Ok;
        }
        catch (ResourceException e)
        {
            invocation.Console.Error.WriteLine(ErrorMessages.FromServer(e));
            return ErrorMessages.ExitCode(e);
        }
    }

    private static int First(int current, int next) => current == ExitCodes.Ok ? next : current;
}
