namespace Sharpflow.Cli.Output;

internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
