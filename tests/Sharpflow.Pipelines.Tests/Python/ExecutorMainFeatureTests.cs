using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>Runtime features the acceptance components do not reach, with small components of their own.</summary>
public sealed class ExecutorMainFeatureTests : IDisposable
{
    private const string Prelude = "import kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n\n";

    private readonly ComponentWorkspace workspace = new();

    [Fact]
    public async Task Main_TaskFinalStatusInput_BuildsStatusFromStruct()
    {
        const string Source = Prelude + """
            def exit_op(user_input: str, status: PipelineTaskFinalStatus) -> str:
                return '|'.join(str(v) for v in (user_input, status.state, status.pipeline_job_resource_name,
                                                 status.pipeline_task_name, status.error_code, status.error_message))
            """;
        workspace.Parameter("user_input", "bye")
            .Parameter("status", JsonNode.Parse("""
                {"state": "FAILED", "pipelineJobResourceName": "run-1", "pipelineTaskName": "exit-handler-1",
                 "error": {"code": 9, "message": "fail-op failed"}}
                """))
            .OutputParameter("Output");

        var result = await workspace.RunAsync(Source, "exit_op");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "bye|FAILED|run-1|exit-handler-1|9|fail-op failed",
            workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_InputPathAndOutputPaths_PassLocalPaths()
    {
        const string Source = Prelude + """
            def paths(data: InputPath('Dataset'), count: OutputPath(int), shout: OutputPath('Dataset')):
                with open(data) as f:
                    text = f.read()
                with open(count, 'w') as f:
                    f.write(str(len(text)))
                with open(shout, 'w') as f:
                    f.write(text.upper())
            """;
        var data = Path.Combine(workspace.Root, "data.txt");
        File.WriteAllText(data, "quiet");
        workspace.InputArtifact("data", "system.Dataset", data).OutputParameter("count").OutputArtifact("shout", "system.Dataset");

        var result = await workspace.RunAsync(Source, "paths");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("5", File.ReadAllText(workspace.OutputParameterPath("count")));
        Assert.Equal("QUIET", File.ReadAllText(workspace.OutputArtifactPath("shout")));
    }

    [Fact]
    public async Task Main_ListOfInputArtifacts_PassesEveryArtifactAndLogsMetrics()
    {
        const string Source = Prelude + """
            def join(parts: Input[List[Dataset]], summary: Output[Metrics]) -> int:
                summary.log_metric('parts', len(parts))
                summary.metadata['kinds'] = sorted({type(p).__name__ for p in parts})
                return sum(len(open(p.path).read()) for p in parts)
            """;
        var first = Path.Combine(workspace.Root, "a");
        var second = Path.Combine(workspace.Root, "b");
        File.WriteAllText(first, "abc");
        File.WriteAllText(second, "de");
        workspace.InputArtifacts("parts", "system.Dataset", first, second)
            .OutputArtifact("summary", "system.Metrics")
            .OutputParameter("Output");

        var result = await workspace.RunAsync(Source, "join");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("5", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.ToJsonString());
        Assert.Equal("""{"parts":2,"kinds":["Dataset"]}""", workspace.OutputArtifactMetadata("summary").ToJsonString());
    }

    [Fact]
    public async Task Main_MissingOptionalInputs_UseDefaultsAndNamedTupleWritesEachField()
    {
        const string Source = Prelude + """
            def defaults(flag: bool, name: Optional[str] = 'anon') -> NamedTuple('Outputs', [('negated', bool), ('info', Dict[str, str])]):
                from collections import namedtuple
                return namedtuple('Outputs', ['negated', 'info'])(not flag, {'name': name})
            """;
        workspace.Parameter("flag", true).OutputParameter("negated").OutputParameter("info");

        var result = await workspace.RunAsync(Source, "defaults");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"negated":false,"info":{"name":"anon"}}""", workspace.ExecutorOutput()["parameterValues"]!.ToJsonString());
        Assert.Equal("false", File.ReadAllText(workspace.OutputParameterPath("negated")));
        Assert.Equal("""{"name": "anon"}""", File.ReadAllText(workspace.OutputParameterPath("info")));
    }

    [Fact]
    public async Task Main_FunctionRaises_ExitsNonZeroWithTracebackOnStandardError()
    {
        const string Source = Prelude + """
            def broken(x: int) -> int:
                raise ValueError(f'bad value {x}')
            """;
        workspace.Parameter("x", 7).OutputParameter("Output");

        var result = await workspace.RunAsync(Source, "broken");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Traceback (most recent call last)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("ValueError: bad value 7", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.ExecutorOutputPath));
    }

    [Fact]
    public async Task Main_ReturnOfWrongType_Fails()
    {
        const string Source = Prelude + "def wrong() -> int:\n    return 'seven'\n";
        workspace.OutputParameter("Output");

        var result = await workspace.RunAsync(Source, "wrong");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("returned value of type <class 'str'>; want type <class 'int'>", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_ModuleWithDecoratorsAndPipeline_ImportsAndRunsComponent()
    {
        const string Source = Prelude + """
            @dsl.component(base_image='python:3.11', packages_to_install=['pandas'])
            def hello(name: str) -> str:
                return f'hello {name}'

            @dsl.pipeline(name='greeting')
            def greeting(name: str = 'world'):
                hello(name=name)
            """;
        workspace.Parameter("name", "sharpflow").OutputParameter("Output");

        var result = await workspace.RunAsync(Source, "hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello sharpflow", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_ComponentUsesPipelineAuthoring_FailsWithClearError()
    {
        const string Source = Prelude + "def loop():\n    with dsl.ParallelFor([1, 2]):\n        pass\n";

        var result = await workspace.RunAsync(Source, "loop");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "UnsupportedInRuntimeError: dsl.ParallelFor is not available in Sharpflow's kfp executor runtime",
            result.StandardError,
            StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();
}
