using Sharpflow.Pipelines.Python;

namespace Sharpflow.Pipelines.Tests.Python;

public sealed class PythonComponentPrologueTests
{
    private const string Interpreter = "/opt/py thon/bin/python3";
    private const string Runtime = "/srv/sharpflow/python";

    [Fact]
    public void Rewrite_CompiledFlipCoin_DropsPipStepAndUsesInterpreter()
    {
        var executor = AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-flip-coin");

        var launch = PythonComponentPrologue.Rewrite(executor.Command, executor.Args, Interpreter, Runtime)!;

        Assert.Equal(["sh", "-ec"], launch.Command.Take(2));
        Assert.Equal(4, launch.Command.Count);
        Assert.Equal(executor.Source, launch.Command[3]);
        Assert.Contains(
            "_KFP_RUNTIME=true '/opt/py thon/bin/python3' -m kfp.dsl.executor_main",
            launch.Command[2],
            StringComparison.Ordinal);
        Assert.DoesNotContain("pip", string.Join(' ', launch.Command.Take(3)), StringComparison.Ordinal);
        Assert.Equal(executor.Args, launch.Args);
        Assert.Equal(Runtime, launch.Environment["PYTHONPATH"]);
        Assert.True(launch.UsesSharpflowRuntime);
    }

    [Fact]
    public void Rewrite_PackagesToInstallVariant_DropsWholePipStep()
    {
        var executor = AcceptancePipelines.Executor("metrics_visualization_v2.yaml", "exec-wine-classification");
        Assert.Contains("'scikit-learn'", executor.Command[2], StringComparison.Ordinal);

        var launch = PythonComponentPrologue.Rewrite(executor.Command, executor.Args, Interpreter, Runtime)!;

        Assert.Equal(["sh", "-ec"], launch.Command.Take(2));
        Assert.Equal(executor.Command.Count - 3, launch.Command.Count);
        Assert.Equal(executor.Source, launch.Command[^1]);
        Assert.DoesNotContain(launch.Command, word => word.Contains("pip install", StringComparison.Ordinal));
    }

    [Fact]
    public void Rewrite_NoInstallStep_KeepsCommandAndUsesInterpreter()
    {
        string[] command =
        [
            "sh", "-ec",
            "program_path=$(mktemp -d)\nprintf \"%s\" \"$0\" > \"$program_path/ephemeral_component.py\"\n"
                + "python3 -m   kfp.dsl.executor_main --component_module_path \"$program_path/ephemeral_component.py\" \"$@\"\n",
            "def f(): pass\n",
        ];

        var launch = PythonComponentPrologue.Rewrite(command, ["--function_to_execute", "f"], "/usr/bin/python3", Runtime)!;

        Assert.Equal(4, launch.Command.Count);
        Assert.Contains("\n'/usr/bin/python3' -m   kfp.dsl.executor_main", launch.Command[2], StringComparison.Ordinal);
        Assert.Equal("def f(): pass\n", launch.Command[3]);
    }

    [Fact]
    public void Rewrite_ContainerizedArgvForm_ReplacesPythonWord()
    {
        var launch = PythonComponentPrologue.Rewrite(
            ["python3", "-m", "kfp.dsl.executor_main"], ["--executor_input", "{}", "--function_to_execute", "f"], Interpreter, Runtime)!;

        Assert.Equal([Interpreter, "-m", "kfp.dsl.executor_main"], launch.Command);
        Assert.Equal(4, launch.Args.Count);
    }

    [Fact]
    public void Rewrite_PrologueSplitAcrossCommandAndArgs_KeepsTheSplit()
    {
        var executor = AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-print-msg");
        string[] command = ["sh", "-c"];
        var args = executor.Command.Skip(2).Concat(executor.Args).ToArray();

        var launch = PythonComponentPrologue.Rewrite(command, args, Interpreter, Runtime)!;

        Assert.Empty(launch.Command);
        Assert.Equal("sh", launch.Args[0]);
        Assert.Equal("-ec", launch.Args[1]);
        Assert.Equal(executor.Function, launch.Args[^1]);
    }

    [Fact]
    public void Rewrite_ShellComponent_ReturnsNull()
    {
        var executor = AcceptancePipelines.Executor("hello_world.yaml", "exec-echo");

        Assert.False(PythonComponentPrologue.IsPythonComponent(executor.Command, executor.Args));
        Assert.Null(PythonComponentPrologue.Rewrite(executor.Command, executor.Args, Interpreter, Runtime));
    }

    [Fact]
    public void IsPythonComponent_EveryPythonExecutorOfTheAcceptanceSet_IsRecognized()
    {
        var executors = new[]
        {
            ("critical/collected_parameters.yaml", "exec-split-ids"),
            ("critical/parameters_simple.yaml", "exec-add"),
            ("essential/pipeline_with_outputs.yaml", "exec-print-op1"),
            ("pipeline_with_importer.yaml", "exec-train"),
        };

        Assert.All(executors, entry =>
        {
            var executor = AcceptancePipelines.Executor(entry.Item1, entry.Item2);
            Assert.True(PythonComponentPrologue.IsPythonComponent(executor.Command, executor.Args));
        });
    }
}
