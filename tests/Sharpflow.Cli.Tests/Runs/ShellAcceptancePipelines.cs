using Sharpflow.Pipelines.Ir;
using Sharpflow.Testing.Acceptance;

namespace Sharpflow.Cli.Tests.Runs;

/// <summary>The acceptance pipelines whose steps need only a shell (MANIFEST.tsv executors "sh") and that end SUCCEEDED quickly.</summary>
internal static class ShellAcceptancePipelines
{
    private const string LongRunning = "long-running.yaml";

    public static TheoryData<string> All => [.. File.ReadAllLines(Path.Combine(AcceptanceFiles.KfpDirectory, "MANIFEST.tsv"))
        .Skip(1)
        .Select(line => line.Split('\t'))
        .Where(columns => columns.Length > 6 && columns[1] == "sh" && columns[^1].Trim() == "SUCCEEDED" && columns[0] != LongRunning)
        .Select(columns => columns[0])];

    /// <summary><c>-p NAME=VALUE</c> for each parameter without a default, as a user starting the run must give them.</summary>
    public static string[] RequiredParameters(string file) =>
    [
        .. PipelineSpecParser.Parse(AcceptanceFiles.ReadKfp(file)).Spec.Root!.InputParameters
            .Where(p => p.Value.IsRequired)
            .SelectMany(p => new[]
            {
                "-p",
                p.Key + "=" + p.Value.ParameterType switch
                {
                    ParameterType.NumberInteger or ParameterType.NumberDouble => "1",
                    ParameterType.Boolean => "true",
                    ParameterType.List => "[]",
                    ParameterType.Struct => "{}",
                    _ => "world",
                },
            }),
    ];
}
