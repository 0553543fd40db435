namespace Sharpflow.Cli.Commands;

/// <summary>The descriptions of the pipeline commands, each with examples (shown by --help).</summary>
internal static class RunHelp
{
    public const string Run = """
        Run a KFP-compiled pipeline

        Examples:
          sharpflow run pipeline.yaml -p epochs=3 -p lr=0.01 --watch
          sharpflow run pipeline.yaml -p 'layers=[64, 32]' -p 'config={"seed": 1}' --name nightly -n team-a
          cat pipeline.yaml | sharpflow run - --no-cache
        """;

    public const string Runs = """
        List, inspect, follow, stop, retry and delete pipeline runs

        Examples:
          sharpflow runs list --state FAILED
          sharpflow runs get hello-x7k2p --watch
          sharpflow runs logs hello-x7k2p train -f
        """;

    public const string List = """
        List pipeline runs: name, pipeline, state, tasks done, duration, age

        Examples:
          sharpflow runs list
          sharpflow runs list -A --state RUNNING
          sharpflow runs list -o json
        """;

    public const string Get = """
        Show a run: its state, parameters, outputs and task tree

        Examples:
          sharpflow runs get hello-x7k2p
          sharpflow runs get hello-x7k2p --watch
          sharpflow runs get hello-x7k2p -o yaml
        """;

    public const string Logs = """
        Print the log of one task of a run, or of every task (prefixed by task name, in start order)

        Examples:
          sharpflow runs logs hello-x7k2p train
          sharpflow runs logs hello-x7k2p for-loop-1/2/train
          sharpflow runs logs hello-x7k2p -f
        """;

    public const string Terminate = """
        Stop a run: running tasks are stopped, tasks not started are canceled

        Examples:
          sharpflow runs terminate hello-x7k2p
        """;

    public const string Retry = """
        Run again the tasks of a FAILED or CANCELED run that did not succeed (succeeded and cached tasks keep their outputs)

        Examples:
          sharpflow runs retry hello-x7k2p
          sharpflow runs retry hello-x7k2p --watch
        """;

    public const string Delete = """
        Delete runs, with their task records and logs (their artifacts stay)

        Examples:
          sharpflow runs delete hello-x7k2p
          sharpflow runs delete hello-x7k2p nightly-b4k9z -n team-a
        """;
}
