using Sharpflow.Cli;
using Sharpflow.Cli.Infrastructure;

var cli = new SharpflowCli(CliConsole.FromSystemConsole(), TimeProvider.System);
return await cli.InvokeAsync(args, handleTermination: true);
