using System.Diagnostics;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public async Task StartAsync_CommandExitsZero_Succeeds()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("ok", "echo hello"));
        var status = await harness.WaitForFinishAsync("ok");

        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("Completed", status.Reason);
        Assert.NotNull(status.StartedAt);
        Assert.NotNull(status.FinishedAt);
        Assert.Equal(["hello"], await harness.ReadLogAsync("ok"));
    }

    [Fact]
    public async Task StartAsync_CommandExitsNonZero_FailsWithItsExitCode()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("bad", "echo oops >&2; exit 3"));
        var status = await harness.WaitForFinishAsync("bad");

        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Equal(3, status.ExitCode);
        Assert.Equal("Error", status.Reason);
        Assert.Equal(["oops"], await harness.ReadLogAsync("bad"));
    }

    [Fact]
    public async Task StartAsync_EnvArgsAndWorkingDir_ReachTheProcess()
    {
        await using var harness = new RuntimeHarness();
        var workingDir = Path.Combine(harness.DataDirectory, "custom-dir");

        await harness.Runtime.StartAsync(new WorkloadSpec
        {
            Id = "env",
            Command = ["/bin/sh", "-c", "echo \"$GREETING $1 $2\"; pwd; echo \"id=$SHARPFLOW_WORKLOAD_ID\""],
            Args = ["sh", "big", "world"],
            Env = new Dictionary<string, string> { ["GREETING"] = "hello" },
            WorkingDir = workingDir,
        });
        await harness.WaitForFinishAsync("env");

        Assert.Equal(["hello big world", workingDir, "id=env"], await harness.ReadLogAsync("env"));
    }

    [Fact]
    public async Task StartAsync_Command_RunsInANewSessionAndGroupLedByTheCommand()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("session", "cut -d' ' -f5,6 /proc/self/stat"));
        await harness.WaitForFinishAsync("session");

        var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(harness.WorkloadDirectory("session"), "state.json"))).RootElement;
        var pid = state.GetProperty("pid").GetInt32();
        Assert.Equal(pid, state.GetProperty("processGroupId").GetInt32());
        Assert.Equal([$"{pid} {pid}"], await harness.ReadLogAsync("session"));
    }

    [Fact]
    public async Task StartAsync_NoWorkingDir_RunsInItsOwnWorkDirectory()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("pwd", "pwd"));
        await harness.WaitForFinishAsync("pwd");

        Assert.Equal([harness.WorkDirectory("pwd")], await harness.ReadLogAsync("pwd"));
    }

    [Fact]
    public async Task StartAsync_ServerEnvironment_OnlyBasicsAreInherited()
    {
        Environment.SetEnvironmentVariable("SHARPFLOW_TEST_SERVER_SECRET", "leaked");
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(RuntimeHarness.Shell("inherit", "echo \"secret=$SHARPFLOW_TEST_SERVER_SECRET\"; echo \"path=$PATH\""));
        await harness.WaitForFinishAsync("inherit");

        var log = await harness.ReadLogAsync("inherit");
        Assert.Equal("secret=", log[0]);
        Assert.Equal("path=" + Environment.GetEnvironmentVariable("PATH"), log[1]);
    }

    [Fact]
    public async Task StartAsync_ArgsWithoutCommand_RunsArgsAsTheCommand()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(new WorkloadSpec { Id = "args", Args = ["echo", "from", "args"] });
        var status = await harness.WaitForFinishAsync("args");

        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Equal(["from args"], await harness.ReadLogAsync("args"));
    }

    [Fact]
    public async Task StartAsync_CommandReferencesVariables_ExpandsThemLikeKubernetes()
    {
        await using var harness = new RuntimeHarness();

        await harness.Runtime.StartAsync(new WorkloadSpec
        {
            Id = "expand",
            Command = ["echo"],
            Args = ["$(NAME)", "$$(NAME)", "$(UNDEFINED)"],
            Env = new Dictionary<string, string> { ["NAME"] = "value" },
        });
        await harness.WaitForFinishAsync("expand");

        Assert.Equal(["value $(NAME) $(UNDEFINED)"], await harness.ReadLogAsync("expand"));
    }

    [Fact]
    public async Task StartAsync_NoCommandNorArgs_FailsWithClearMessage()
    {
        await using var harness = new RuntimeHarness();

        var status = await harness.Runtime.StartAsync(new WorkloadSpec { Id = "empty", Image = "python:3.11" });

        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Contains("no command", status.Message, StringComparison.Ordinal);
        Assert.NotNull(status.FinishedAt);
    }

    [Fact]
    public async Task StartAsync_UnknownExecutable_FailsNamingIt()
    {
        await using var harness = new RuntimeHarness();

        var status = await harness.Runtime.StartAsync(new WorkloadSpec { Id = "missing", Command = ["no-such-program-xyz"] });

        Assert.Equal(WorkloadPhase.Failed, status.Phase);
        Assert.Equal("Error", status.Reason);
        Assert.Contains("\"no-such-program-xyz\" was not found on PATH", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ExistingId_ReturnsItsStatusUnchanged()
    {
        await using var harness = new RuntimeHarness();
        await harness.Runtime.StartAsync(RuntimeHarness.Shell("twice", "exit 4"));
        var first = await harness.WaitForFinishAsync("twice");

        var second = await harness.Runtime.StartAsync(RuntimeHarness.Shell("twice", "exit 0"));

        Assert.Equal(first, second with { Ports = first.Ports, Labels = first.Labels });
        Assert.Equal(4, second.ExitCode);
    }

    [Fact]
    public async Task StartAsync_InvalidId_Throws()
    {
        await using var harness = new RuntimeHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Runtime.StartAsync(RuntimeHarness.Shell("../escape", "true")));
    }

    [Fact]
    public async Task StartAsync_MappedImage_UsesItsExecutableEnvAndPath()
    {
        await using var harness = new RuntimeHarness(options => options.Images.Add(new LocalImageOptions
        {
            Image = "python",
            Executables = { ["python"] = "/usr/bin/python3" },
            Env = { ["FROM_IMAGE"] = "yes" },
            PathPrefix = "/opt/venv/bin",
        }));

        await harness.Runtime.StartAsync(new WorkloadSpec
        {
            Id = "py",
            Image = "python:3.11",
            Command = ["python", "-c", "import os, sys; print(sys.executable, os.environ['FROM_IMAGE'], os.environ['PATH'].split(':')[0])"],
        });
        var status = await harness.WaitForFinishAsync("py");

        Assert.Equal(WorkloadPhase.Succeeded, status.Phase);
        Assert.Equal(["/usr/bin/python3 yes /opt/venv/bin"], await harness.ReadLogAsync("py"));
    }

    [Fact]
    public async Task StartAsync_ShInABusyboxImage_RunsAsBashAndElsewhereAsTheHostSh()
    {
        await using var harness = new RuntimeHarness();
        const string script = "echo ${BASH_VERSION:+bash}; [[ a == a ]] && echo bash-syntax-ok";
        await harness.Runtime.StartAsync(new WorkloadSpec { Id = "busybox", Image = "ghcr.io/containerd/busybox", Command = ["sh", "-c", script] });
        await harness.Runtime.StartAsync(new WorkloadSpec { Id = "debian", Image = "debian:12", Command = ["sh", "-c", "echo ${BASH_VERSION:+bash}"] });
        using var host = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "echo ${BASH_VERSION:+bash}"]) { RedirectStandardOutput = true })!;
        var hostShell = (await host.StandardOutput.ReadToEndAsync()).TrimEnd('\n');

        Assert.Equal(WorkloadPhase.Succeeded, (await harness.WaitForFinishAsync("busybox")).Phase);
        Assert.Equal(WorkloadPhase.Succeeded, (await harness.WaitForFinishAsync("debian")).Phase);
        Assert.Equal(["bash", "bash-syntax-ok"], await harness.ReadLogAsync("busybox"));
        Assert.Equal([hostShell], await harness.ReadLogAsync("debian"));
    }

    [Fact]
    public async Task StartAsync_Labels_AreReportedInStatus()
    {
        await using var harness = new RuntimeHarness();

        var status = await harness.Runtime.StartAsync(RuntimeHarness.Shell("labelled", "true") with
        {
            Labels = new Dictionary<string, string> { ["sharpflow.io/owner"] = "PyTorchJob/default/train" },
        });

        Assert.Equal("PyTorchJob/default/train", status.Labels["sharpflow.io/owner"]);
        Assert.Contains(await harness.Runtime.ListAsync(), listed => listed.Id == "labelled");
    }
}
