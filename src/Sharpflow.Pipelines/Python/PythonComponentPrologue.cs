using System.Text.RegularExpressions;

namespace Sharpflow.Pipelines.Python;

/// <summary>
/// Recognizes the container command the KFP SDK compiles for a Python-function component and
/// rewrites it to run with Sharpflow's kfp runtime. The compiled form is
/// <c>sh -c '&lt;pip install kfp==X ...&gt; &amp;&amp; "$0" "$@"' sh -ec '&lt;... python3 -m kfp.dsl.executor_main
/// --component_module_path ... "$@"&gt;' '&lt;source&gt;' --executor_input ... --function_to_execute f</c>.
/// Matching is on the <c>kfp.dsl.executor_main</c> module and the <c>pip install</c> step, not on
/// exact text, so the variants across KFP versions (packages_to_install, use_venv, index URLs,
/// no install step, the containerized <c>python3 -m kfp.dsl.executor_main</c> argv) are handled.
/// </summary>
internal static partial class PythonComponentPrologue
{
    public const string PythonPathVariable = "PYTHONPATH";

    public static bool IsPythonComponent(IReadOnlyList<string> command, IReadOnlyList<string> args) =>
        command.Any(ExecutorModule().IsMatch) || args.Any(ExecutorModule().IsMatch);

    /// <summary>
    /// Drops the pip step (the <c>sh -c '... pip install ... "$0" "$@"'</c> trampoline, whose
    /// remaining words are the real command), makes <c>python3</c> the given interpreter and puts
    /// the runtime directory on PYTHONPATH. Returns null for a command that is not a Python component.
    /// </summary>
    public static PythonComponentLaunch? Rewrite(
        IReadOnlyList<string> command, IReadOnlyList<string> args, string interpreter, string runtimeDirectory)
    {
        var argv = command.Select(value => new Word(value, IsCommand: true))
            .Concat(args.Select(value => new Word(value, IsCommand: false)))
            .ToList();
        var executor = argv.FindIndex(word => ExecutorModule().IsMatch(word.Value));
        if (executor < 0)
        {
            return null;
        }

        executor -= RemovePipStep(argv, executor);
        UseInterpreter(argv, executor, interpreter);
        return new PythonComponentLaunch
        {
            Command = [.. argv.Where(word => word.IsCommand).Select(word => word.Value)],
            Args = [.. argv.Where(word => !word.IsCommand).Select(word => word.Value)],
            Environment = new Dictionary<string, string> { [PythonPathVariable] = runtimeDirectory },
            UsesSharpflowRuntime = true,
        };
    }

    private static int RemovePipStep(List<Word> argv, int executor)
    {
        for (var script = executor - 1; script >= 2; script--)
        {
            var text = argv[script].Value;
            if (PipInstall().IsMatch(text) && Trampoline().IsMatch(text)
                && argv[script - 1].Value == "-c" && IsShell(argv[script - 2].Value))
            {
                argv.RemoveRange(script - 2, 3);
                return 3;
            }
        }

        return 0;
    }

    private static void UseInterpreter(List<Word> argv, int executor, string interpreter)
    {
        var word = argv[executor];
        if (word.Value == "kfp.dsl.executor_main")
        {
            if (executor >= 2 && argv[executor - 1].Value == "-m" && IsPython(argv[executor - 2].Value))
            {
                argv[executor - 2] = argv[executor - 2] with { Value = interpreter };
            }

            return;
        }

        var quoted = ShellQuote(interpreter);
        argv[executor] = word with { Value = PythonBeforeExecutorModule().Replace(word.Value, _ => quoted) };
    }

    private static bool IsShell(string value) =>
        Path.GetFileName(value) is "sh" or "bash" or "dash" or "ash" or "busybox";

    private static bool IsPython(string value) => PythonName().IsMatch(Path.GetFileName(value));

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\bkfp\.dsl\.executor_main\b")]
    private static partial Regex ExecutorModule();

    [GeneratedRegex(@"\bpip3?\s+install\b")]
    private static partial Regex PipInstall();

    [GeneratedRegex(@"""\$0""\s+""\$@""")]
    private static partial Regex Trampoline();

    // A python word (python3, python3.11, python) right before "-m kfp.dsl.executor_main".
    [GeneratedRegex(@"(?<![^\s;&|(])python[0-9.]*(?=\s+-m\s+kfp\.dsl\.executor_main\b)")]
    private static partial Regex PythonBeforeExecutorModule();

    [GeneratedRegex(@"^python[0-9.]*$")]
    private static partial Regex PythonName();

    private readonly record struct Word(string Value, bool IsCommand);
}
