using System.CommandLine;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Cli.Runs;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow run FILE [-p NAME=VALUE]... [--watch]</c>: submits a compiled KFP pipeline as a Run.</summary>
internal sealed class RunCommand : SharpflowCommand
{
    private readonly Argument<string> _file = new("FILE") { Description = "A KFP-compiled pipeline (the YAML kfp's compiler writes, or JSON), or - for stdin" };
    private readonly Option<string[]> _parameters = new("--parameter", "-p")
    {
        Description = "A pipeline parameter, read as the type the pipeline declares for it (LIST and STRUCT as JSON); repeat for each",
        HelpName = "NAME=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _name = new("--name") { Description = "The run's name (default: the pipeline's name and a random suffix)", HelpName = "NAME" };
    private readonly Option<string?> _experiment = new("--experiment") { Description = "The experiment the run belongs to", HelpName = "NAME" };
    private readonly Option<bool> _noCache = new("--no-cache") { Description = "Run every task, even those whose cached outputs could be reused" };
    private readonly Option<string?> _pipelineRoot = new("--pipeline-root") { Description = "Where the run's artifacts go (a path, s3://, minio:// or gs:// URI)", HelpName = "URI" };
    private readonly Option<bool> _watch = new("--watch", "-w") { Description = "Show the tasks' progress until the run ends; exit non-zero unless it succeeded" };
    private readonly Option<OutputFormat> _output = OutputOption.Create();

    public RunCommand(CliContext context)
        : base(context, "run", RunHelp.Run)
    {
        Add(_file);
        Add(_parameters);
        Add(_name);
        Add(_experiment);
        Add(_noCache);
        Add(_pipelineRoot);
        Add(_watch);
        Add(_output);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var file = invocation.Get(_file)!;
        Pipelines.Ir.PipelinePackage package;
        try
        {
            package = await PipelineFile.ReadAsync(file, invocation.Console.In, cancellationToken);
        }
        catch (InvalidPipelineException e)
        {
            invocation.Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        var parameters = RunParameters.Convert(invocation.Get(_parameters) ?? [], package.Spec);
        var name = invocation.Get(_name) ?? RunNames.Generate(package.Spec.PipelineInfo!.Name!);
        if (Names.ValidateSubdomain(name) is { } problem)
        {
            throw new UsageException($"--name {name}: {problem}");
        }

        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var settings = new RunSettings
        {
            Name = name,
            Namespace = invocation.Namespace,
            Parameters = parameters,
            Experiment = invocation.Get(_experiment),
            NoCache = invocation.Get(_noCache),
            PipelineRoot = invocation.Get(_pipelineRoot),
        };
        var created = await runs.CreateAsync(RunResources.Inline(package, settings), cancellationToken);
        var format = invocation.Get(_output);
        var ns = invocation.Namespace;
        if (invocation.Get(_watch))
        {
            invocation.Console.Error.WriteLine($"Run {name} created in namespace {ns}; Ctrl-C stops watching (the run keeps running).");
            return await RunWatch.WatchAsync(invocation, runs, name, format, null, cancellationToken);
        }

        if (format == OutputFormat.Table)
        {
            invocation.Console.Out.WriteLine($"{ResourcePrinter.Reference(created)} created");
            invocation.Console.Error.WriteLine($"Follow it with 'sharpflow runs get {name} -n {ns} --watch'; its logs with 'sharpflow runs logs {name} -n {ns} -f'.");
        }
        else
        {
            invocation.Printer.PrintObject(created, format);
        }

        return ExitCodes.Ok;
    }
}
