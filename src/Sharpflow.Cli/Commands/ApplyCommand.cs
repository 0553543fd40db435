using System.CommandLine;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Manifests;
using Sharpflow.Cli.Output;
using Sharpflow.Client;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow apply -f FILE|DIR|-</c>: creates each object, or replaces its spec and metadata when it exists.</summary>
internal sealed class ApplyCommand : SharpflowCommand
{
    private readonly Option<string[]> _files = FileOption.Create("A YAML or JSON manifest, a directory of them, or - for stdin");

    public ApplyCommand(CliContext context)
        : base(context, "apply", "Create or update objects from YAML or JSON manifests")
    {
        _files.Required = true;
        Add(_files);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var documents = await new ManifestReader(invocation.Console.In).ReadAsync(invocation.Get(_files) ?? [], cancellationToken);
        var result = ExitCodes.Ok;
        foreach (var document in documents)
        {
            if (document.Resource is null)
            {
                invocation.Console.Error.WriteLine($"error: {document.Location}: {document.Error}");
                result = Worst(result, ExitCodes.Failure);
                continue;
            }

            try
            {
                var (applied, created) = await ApplyAsync(invocation, document.Resource, cancellationToken);
                invocation.Console.Out.WriteLine($"{ResourcePrinter.Reference(applied)} {(created ? "created" : "configured")}");
            }
            catch (ResourceException e)
            {
                invocation.Console.Error.WriteLine($"error: {document.Location}: {ErrorMessages.FromServer(e)}");
                result = Worst(result, ErrorMessages.ExitCode(e));
            }
        }

        return result;
    }

    private static async Task<(Resource Resource, bool Created)> ApplyAsync(CliInvocation invocation, Resource resource, CancellationToken cancellationToken)
    {
        var client = invocation.Client;
        var kind = await client.GetKindAsync(resource.ApiVersion, resource.Kind, cancellationToken);
        resource = resource with
        {
            Metadata = resource.Metadata with { Namespace = kind.Namespaced ? resource.Metadata.Namespace ?? invocation.Namespace : null },
        };
        return resource.Metadata is { ResourceVersion: not null, Name: { } name }
            ? await ReplaceAtVersionAsync(client, kind, resource, name, cancellationToken)
            : await client.ApplyAsync(resource, cancellationToken);
    }

    /// <summary>
    /// A manifest that carries metadata.resourceVersion asks for optimistic concurrency: the update
    /// is refused (409 Conflict) when the object changed since that version.
    /// </summary>
    private static async Task<(Resource Resource, bool Created)> ReplaceAtVersionAsync(
        SharpflowClient client, KindInfo kind, Resource resource, string name, CancellationToken cancellationToken)
    {
        Resource existing;
        try
        {
            existing = await client.GetAsync(kind, resource.Metadata.Namespace, name, cancellationToken);
        }
        catch (ResourceException e) when (e.Code == 404)
        {
            var fresh = resource with { Metadata = resource.Metadata with { ResourceVersion = null } };
            return (await client.CreateAsync(fresh, cancellationToken), true);
        }

        return (await client.UpdateAsync(resource with { Status = existing.Status }, cancellationToken), false);
    }

    /// <summary>The first failure decides the exit code; later ones do not override it.</summary>
    private static int Worst(int current, int next) => current == ExitCodes.Ok ? next : current;
}
