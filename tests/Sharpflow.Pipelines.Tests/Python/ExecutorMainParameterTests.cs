using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>Parameter components of the acceptance pipelines, run by Sharpflow's kfp runtime.</summary>
public sealed class ExecutorMainParameterTests : IDisposable
{
    private readonly ComponentWorkspace workspace = new();

    [Fact]
    public async Task Main_FlipCoin_ReturnsHeadsOrTailsAsOutput()
    {
        workspace.OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-flip-coin"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>();
        Assert.Contains(output, new[] { "heads", "tails" });
        Assert.Contains(output, result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(output, File.ReadAllText(workspace.OutputParameterPath("Output")));
    }

    [Fact]
    public async Task Main_RandomNumWithWholeDoubleBounds_ReturnsInteger()
    {
        workspace.Parameter("low", JsonNode.Parse("4.0")).Parameter("high", JsonNode.Parse("4.0")).OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-random-num"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("4", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.ToJsonString());
        Assert.Equal("4", File.ReadAllText(workspace.OutputParameterPath("Output")));
    }

    [Fact]
    public async Task Main_PrintMsg_PrintsMessageAndWritesEmptyExecutorOutput()
    {
        workspace.Parameter("msg", "heads and 3 > 2");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-print-msg"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("heads and 3 > 2\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(workspace.ExecutorOutput());
    }

    [Fact]
    public async Task Main_SplitIds_ReturnsList()
    {
        workspace.Parameter("ids", "s1,s2,s3").OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/collected_parameters.yaml", "exec-split-ids"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""["s1","s2","s3"]""", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.ToJsonString());
        Assert.Equal("""["s1", "s2", "s3"]""", File.ReadAllText(workspace.OutputParameterPath("Output")));
    }

    [Fact]
    public async Task Main_ConsumeIds_ReadsListParameter()
    {
        workspace.Parameter("ids", new JsonArray("model_id_s1", "model_id_s2")).OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/collected_parameters.yaml", "exec-consume-ids"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Consuming: model_id_s1\nConsuming: model_id_s2\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("completed", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_PrependId_ReturnsPrefixedString()
    {
        workspace.Parameter("content", "s2").OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/collected_parameters.yaml", "exec-prepend-id"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("model_id_s2", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_AddListOfIntegers_ReturnsSum()
    {
        workspace.Parameter("nums", JsonNode.Parse("[2, 4.0, 6]")).OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/parameters_simple.yaml", "exec-add"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("12", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.ToJsonString());
    }

    [Fact]
    public async Task Main_RetryPipelineAdd_ReturnsFloatSum()
    {
        workspace.Parameter("a", 1.5).Parameter("b", 7).OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("critical/pipeline_with_retry.yaml", "exec-add"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(8.5, workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<double>());
    }

    [Fact]
    public async Task Main_ArgsGenerator_ReturnsListOfStructs()
    {
        workspace.OutputParameter("Output");

        var result = await workspace.RunAsync(
            AcceptancePipelines.Executor("parallel_and_nested/pipeline_with_loops.yaml", "exec-args-generator-op"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """[{"A_a":"1","B_b":"2"},{"A_a":"10","B_b":"20"}]""",
            workspace.ExecutorOutput()["parameterValues"]!["Output"]!.ToJsonString());
    }

    [Fact]
    public async Task Main_PrintStruct_ReceivesDictionary()
    {
        workspace.Parameter("struct", new JsonObject { ["A_a"] = "1", ["B_b"] = "2" });

        var result = await workspace.RunAsync(
            AcceptancePipelines.Executor("parallel_and_nested/pipeline_with_loops.yaml", "exec-print-struct"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{'A_a': '1', 'B_b': '2'}", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_PipelineWithOutputsPrintOp_ReturnsMessage()
    {
        workspace.Parameter("msg", "Hello").OutputParameter("Output");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("essential/pipeline_with_outputs.yaml", "exec-print-op1"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Hello", workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_ExitHandlerFailOp_ExitsNonZeroWithoutExecutorOutput()
    {
        workspace.Parameter("message", "Task failed.");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("failing/pipeline_with_exit_handler.yaml", "exec-fail-op"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Task failed.", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.ExecutorOutputPath));
    }

    [Fact]
    public async Task Main_ExitHandlerPrintOp_Succeeds()
    {
        workspace.Parameter("message", "Exit handler has worked!");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("failing/pipeline_with_exit_handler.yaml", "exec-print-op"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Exit handler has worked!", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();
}
