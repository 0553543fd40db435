namespace Sharpflow.Cli.Commands;

/// <summary>The descriptions of the pipeline commands and the examples their --help ends with.</summary>
internal static class RunHelp
{
    public const string Run = "Run a KFP-compiled pipeline, optionally watching its tasks until it ends";
    public const string Runs = "List, inspect, follow, stop, retry and delete pipeline runs";
    public const string List = "List pipeline runs: name, pipeline, state, tasks done, duration, age";
    public const string Get = "Show a run: its state, parameters, outputs and task tree";
    public const string Logs = "Print the log of one task of a run, or of every task (prefixed by its path, in start order)";
    public const string Terminate = "Stop a run: running tasks are stopped, tasks not started are canceled";
    public const string Retry = "Run again the tasks of a FAILED or CANCELED run that did not succeed (the others keep their outputs)";
    public const string Delete = "Delete runs, with their task records and logs (their artifacts stay)";

    /// <summary>Examples by command path ("run", "runs list").</summary>
    public static IReadOnlyDictionary<string, string[]> Examples { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["run"] =
        [
            "sharpflow run pipeline.yaml -p epochs=3 -p lr=0.01 --watch",
            "sharpflow run pipeline.yaml -p 'layers=[64, 32]' -p 'config={\"seed\": 1}' --name nightly -n team-a",
            "cat pipeline.yaml | sharpflow run - --no-cache",
        ],
        ["runs"] =
        [
            "sharpflow runs list --state FAILED",
            "sharpflow runs get hello-x7k2p --watch",
            "sharpflow runs logs hello-x7k2p train -f",
        ],
        ["runs list"] = ["sharpflow runs list", "sharpflow runs list -A --state RUNNING", "sharpflow runs list -o json"],
        ["runs get"] = ["sharpflow runs get hello-x7k2p", "sharpflow runs get hello-x7k2p --watch", "sharpflow runs get hello-x7k2p -o yaml"],
        ["runs logs"] =
        [
            "sharpflow runs logs hello-x7k2p train",
            "sharpflow runs logs hello-x7k2p for-loop-1/2/train",
            "sharpflow runs logs hello-x7k2p -f",
        ],
        ["runs terminate"] = ["sharpflow runs terminate hello-x7k2p"],
        ["runs retry"] = ["sharpflow runs retry hello-x7k2p", "sharpflow runs retry hello-x7k2p --watch"],
        ["runs delete"] = ["sharpflow runs delete hello-x7k2p", "sharpflow runs delete hello-x7k2p nightly-b4k9z -n team-a"],
    };
}
