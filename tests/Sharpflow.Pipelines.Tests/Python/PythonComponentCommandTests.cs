using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sharpflow.Pipelines.Python;

namespace Sharpflow.Pipelines.Tests.Python;

public sealed class PythonComponentCommandTests : IDisposable
{
    private readonly ComponentWorkspace workspace = new();

    [Fact]
    public async Task ResolveAsync_KfpNotImportable_RunsCompiledComponentThroughShell()
    {
        // An interpreter without site-packages sees only the standard library (and PYTHONPATH).
        var interpreter = Script("python3-stdlib-only", $"exec {ProcessRunner.Python} -S \"$@\"");
        var executor = AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-flip-coin");
        workspace.OutputParameter("Output");
        var args = executor.Args.Select(arg => arg == "{{$}}" ? workspace.ExecutorInput() : arg).ToArray();

        var launch = await Command(interpreter).ResolveAsync(executor.Command, args, CancellationToken.None);
        var environment = new Dictionary<string, string>(launch.Environment) { ["TMPDIR"] = workspace.Root };
        var result = await ProcessRunner.RunAsync(launch.Command[0], launch.Command.Skip(1).Concat(launch.Args), environment);

        Assert.True(launch.UsesSharpflowRuntime);
        Assert.Equal("sh", launch.Command[0]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(workspace.ExecutorOutput()["parameterValues"]!["Output"]!.GetValue<string>(), new[] { "heads", "tails" });
    }

    [Fact]
    public async Task ResolveAsync_FailingComponentThroughShell_ExitsNonZero()
    {
        var executor = AcceptancePipelines.Executor("failing/pipeline_with_exit_handler.yaml", "exec-fail-op");
        workspace.Parameter("message", "Task failed.");
        var args = executor.Args.Select(arg => arg == "{{$}}" ? workspace.ExecutorInput() : arg).ToArray();

        var launch = await Command(Script("python3-stdlib-only", $"exec {ProcessRunner.Python} -S \"$@\""))
            .ResolveAsync(executor.Command, args, CancellationToken.None);
        var environment = new Dictionary<string, string>(launch.Environment) { ["TMPDIR"] = workspace.Root };
        var result = await ProcessRunner.RunAsync(launch.Command[0], launch.Command.Skip(1).Concat(launch.Args), environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Task failed.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_KfpImportable_ReturnsCommandUnchangedAndChecksOnce()
    {
        var calls = Path.Combine(workspace.Root, "calls.log");
        var interpreter = Script("python3-with-kfp", $"echo \"$*\" >> '{calls}'");
        var executor = AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-flip-coin");
        var command = Command(interpreter);

        var first = await command.ResolveAsync(executor.Command, executor.Args, CancellationToken.None);
        var second = await command.ResolveAsync(executor.Command, executor.Args, CancellationToken.None);

        Assert.False(first.UsesSharpflowRuntime);
        Assert.Equal(executor.Command, first.Command);
        Assert.Equal(executor.Args, first.Args);
        Assert.Empty(first.Environment);
        Assert.Equal(first.Command, second.Command);
        Assert.Equal(["-c import kfp.dsl.executor_main"], File.ReadAllLines(calls));
    }

    [Fact]
    public async Task ResolveAsync_ShellComponent_ReturnsUnchangedWithoutChecking()
    {
        var calls = Path.Combine(workspace.Root, "calls.log");
        var executor = AcceptancePipelines.Executor("hello_world.yaml", "exec-echo");

        var launch = await Command(Script("python3", $"echo \"$*\" >> '{calls}'; exit 1"))
            .ResolveAsync(executor.Command, executor.Args, CancellationToken.None);

        Assert.False(launch.UsesSharpflowRuntime);
        Assert.Equal(executor.Command, launch.Command);
        Assert.False(File.Exists(calls));
    }

    [Fact]
    public async Task ResolveAsync_InterpreterMissing_UsesSharpflowRuntime()
    {
        var executor = AcceptancePipelines.Executor("critical/flip_coin.yaml", "exec-flip-coin");

        var launch = await Command(Path.Combine(workspace.Root, "no-such-python3"))
            .ResolveAsync(executor.Command, executor.Args, CancellationToken.None);

        Assert.True(launch.UsesSharpflowRuntime);
        Assert.Equal(ComponentWorkspace.RuntimeDirectory, launch.Environment["PYTHONPATH"]);
    }

    public void Dispose() => workspace.Dispose();

    private static PythonComponentCommand Command(string interpreter) => new(
        Options.Create(new PythonRuntimeOptions { Interpreter = interpreter, RuntimeDirectory = ComponentWorkspace.RuntimeDirectory }),
        NullLogger<PythonComponentCommand>.Instance);

    private string Script(string name, string body)
    {
        var path = Path.Combine(workspace.Root, "bin", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
