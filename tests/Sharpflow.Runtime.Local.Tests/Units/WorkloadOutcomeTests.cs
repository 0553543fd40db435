using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class WorkloadOutcomeTests
{
    private static readonly WorkloadState Running = new() { Spec = new WorkloadSpec { Id = "w" }, Phase = WorkloadPhase.Running, Pid = 1234 };

    [Fact]
    public void Decide_RecordedZero_Succeeds() =>
        Assert.Equal((WorkloadPhase.Succeeded, "Completed", (int?)0), Summary(WorkloadOutcome.Decide(Running, 0, 137, false)));

    [Fact]
    public void Decide_RecordedSignalExit_FailsNamingTheSignal()
    {
        var outcome = WorkloadOutcome.Decide(Running, 139, null, false);

        Assert.Equal((WorkloadPhase.Failed, "Error", (int?)139), Summary(outcome));
        Assert.Contains("signal 11 (SIGSEGV)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_StopRequestedAndKilled_IsStoppedWith137() =>
        Assert.Equal((WorkloadPhase.Failed, "Stopped", (int?)137), Summary(WorkloadOutcome.Decide(Running with { StopRequested = true, Killed = true }, null, 137, false)));

    [Fact]
    public void Decide_ReportedButNoFile_TakesTheReportedCode() =>
        Assert.Equal((WorkloadPhase.Failed, "Error", (int?)3), Summary(WorkloadOutcome.Decide(Running, null, 3, false)));

    [Fact]
    public void Decide_EndedWithNoExitCodeAtAll_IsKilledNamingTheSupervisor()
    {
        var outcome = WorkloadOutcome.Decide(Running, null, null, false);

        Assert.Equal((WorkloadPhase.Failed, "Killed", (int?)null), Summary(outcome));
        Assert.Contains("supervisor", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GoneWhileServerDownWithoutExitCode_IsLost()
    {
        var outcome = WorkloadOutcome.Decide(Running, null, null, true);

        Assert.Equal((WorkloadPhase.Failed, "Lost", (int?)null), Summary(outcome));
        Assert.Contains("pid 1234", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ServerStoppedBeforeThePidWasRecorded_IsLostSayingSo()
    {
        var outcome = WorkloadOutcome.Decide(Running with { Pid = null }, null, null, true);

        Assert.Equal((WorkloadPhase.Failed, "Lost", (int?)null), Summary(outcome));
        Assert.Contains("while it was starting the process", outcome.Message, StringComparison.Ordinal);
    }

    private static (WorkloadPhase, string, int?) Summary(WorkloadOutcome outcome) => (outcome.Phase, outcome.Reason, outcome.ExitCode);
}
