using System.Text.RegularExpressions;
using Sharpflow.Cli.Tests.Support;
using Sharpflow.Testing;

namespace Sharpflow.Cli.Tests.Commands;

/// <summary>A real Pod run by the local runtime: its log, its conditions and events, its status column.</summary>
[Collection(ServerCollection.Name)]
public sealed class PodCommandTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Logs_FinishedPod_PrintsWhatItEchoed()
    {
        var ns = await RunPodAsync("logs", "echo hello from sharpflow; echo second line");

        var bySlash = await fixture.RunAsync("logs", "pod/echo", "-n", ns);
        var byWords = await fixture.RunAsync("logs", "pods", "echo", "-n", ns, "--tail", "1");
        var followed = await fixture.RunAsync("logs", "echo", "-n", ns, "-f");

        Assert.True(bySlash.ExitCode == 0, bySlash.ToString());
        Assert.Equal(["hello from sharpflow", "second line"], ApplyCommandTests.Lines(bySlash.Out));
        Assert.Equal(["second line"], ApplyCommandTests.Lines(byWords.Out));
        Assert.Equal(0, followed.ExitCode);
        Assert.Equal(["hello from sharpflow", "second line"], ApplyCommandTests.Lines(followed.Out));
    }

    [Fact]
    public async Task Logs_FollowRunningPod_StreamsUntilThePodEnds()
    {
        var ns = await fixture.CreateNamespaceAsync("follow");
        var applied = await fixture.RunWithInputAsync(PodManifest("echo first; sleep 1; echo last"), "apply", "-f", "-", "-n", ns);
        Assert.True(applied.ExitCode == 0, applied.ToString());

        await using var follow = fixture.Start("logs", "pod/echo", "-f", "-n", ns);
        var code = await follow.Completion.WaitAsync(Timeout);

        Assert.True(code == 0, follow.Error.ToString());
        Assert.Equal(["first", "last"], ApplyCommandTests.Lines(follow.Out.ToString()));
    }

    [Fact]
    public async Task Describe_FinishedPod_ShowsConditionsSpecAndEvents()
    {
        var ns = await RunPodAsync("describe", "echo described");

        var result = await fixture.RunAsync("describe", "pod", "echo", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = result.Out;
        Assert.Matches("(?m)^Name: +echo$", text);
        Assert.Matches($"(?m)^Namespace: +{ns}$", text);
        Assert.Matches("(?m)^Conditions:\\n  TYPE +STATUS +REASON +LAST TRANSITION +MESSAGE$", text);
        Assert.Matches("(?m)^  PodScheduled +True ", text);
        Assert.Matches("(?m)^Spec:\\n  restartPolicy: Never\\n  containers:\\n  - name: main$", text);
        Assert.Matches("(?m)^Status:\\n  ", text);
        Assert.Matches("(?m)^Events:\\n  TYPE +REASON +COUNT +LAST SEEN +FROM +MESSAGE$", text);
        Assert.Matches("(?m)^  Normal +Started +1 +\\d+\\w+ ago ", text);
        Assert.Matches("(?m)^  Normal +Completed +1 ", text);
    }

    [Fact]
    public async Task Get_FinishedPod_ShowsItsPhase()
    {
        var ns = await RunPodAsync("phase", "true");

        var result = await fixture.RunAsync("get", "pods", "-n", ns);

        Assert.Matches("(?m)^echo +Succeeded +\\d+s$", result.Out);
    }

    [Fact]
    public async Task Logs_NotKindSlashName_IsAUsageError()
    {
        var result = await fixture.RunAsync("logs", "pod/");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("\"pod/\" is not KIND/NAME", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> RunPodAsync(string prefix, string script)
    {
        var ns = await fixture.CreateNamespaceAsync(prefix);
        var applied = await fixture.RunWithInputAsync(PodManifest(script), "apply", "-f", "-", "-n", ns);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        await TestWait.UntilAsync(
            async () => Regex.IsMatch((await fixture.RunAsync("get", "pod", "echo", "-n", ns)).Out, "(?m)^echo +Succeeded "),
            Timeout,
            "the pod to succeed");
        return ns;
    }

    private static string PodManifest(string script) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: echo
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "{script}"]
        """;
}
