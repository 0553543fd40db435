using Microsoft.Extensions.Logging;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

internal sealed partial class ContainerTaskRunner
{
    /// <summary>Extra wait past the stop grace period before a terminated run looks again on its own.</summary>
    private static readonly TimeSpan StopSlack = TimeSpan.FromSeconds(2);

    /// <summary>Checks a started container task: stops it when the run is terminated, finishes it when its attempt ended, starts a due retry.</summary>
    public async Task PollAsync(RunContext run, ExecutionNode node, EnginePass pass, CancellationToken cancellationToken)
    {
        var container = node.Container!;
        var now = time.GetUtcNow();
        if (container.RetryAt is { } retryAt)
        {
            if (run.Terminating)
            {
                run.Finish(node, TaskExecutionState.Canceled, now, error: $"the run was terminated while the task waited to retry: {node.Error}");
            }
            else if (retryAt > now)
            {
                pass.Wake(retryAt);
            }
            else
            {
                container.RetryAt = null;
                await LaunchAsync(run, node, container.Attempt + 1, cancellationToken);
            }

            return;
        }

        var status = await runtime.GetAsync(container.WorkloadId, cancellationToken);
        if (status is null)
        {
            // The runtime lost the workload (its data was removed): run the attempt again, unless the run is being stopped.
            if (run.Terminating)
            {
                run.Finish(node, TaskExecutionState.Canceled, now, error: "the run was terminated");
            }
            else
            {
                await LaunchAsync(run, node, container.Attempt, cancellationToken);
            }

            return;
        }

        if (!status.IsFinished)
        {
            if (run.Terminating && !container.StopRequested)
            {
                container.StopRequested = true;
                await runtime.StopAsync(container.WorkloadId, _options.StopGracePeriod, cancellationToken);
                pass.Wake(now + _options.StopGracePeriod + StopSlack);
            }

            return;
        }

        if (status.Phase == WorkloadPhase.Succeeded)
        {
            NodeOutputs outputs;
            try
            {
                outputs = OutputFiles.Collect(container, node.Component);
            }
            catch (LaunchException e)
            {
                await FailAttemptAsync(run, node, e.Message, pass, cancellationToken);
                return;
            }

            run.Finish(node, TaskExecutionState.Succeeded, now, outputs);
            return;
        }

        if (run.Terminating || container.StopRequested)
        {
            run.Finish(node, TaskExecutionState.Canceled, now, error: "stopped: the run was terminated");
            return;
        }

        await FailAttemptAsync(run, node, Describe(status), pass, cancellationToken);
    }

    /// <summary>Retries the task when its retry policy allows (after its backoff), else fails it.</summary>
    private async Task FailAttemptAsync(RunContext run, ExecutionNode node, string error, EnginePass pass, CancellationToken cancellationToken)
    {
        var container = node.Container!;
        var now = time.GetUtcNow();
        var policy = node.Task?.RetryPolicy;
        container.FirstFailureAt ??= now;
        if (policy is null || container.Attempt > policy.MaxRetryCount || now - container.FirstFailureAt.Value >= policy.RetryWindow)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: container.Attempt > 1 ? $"attempt {container.Attempt}: {error}" : error);
            return;
        }

        var delay = policy.DelayBeforeRetry(container.Attempt);
        node.Error = error;
        run.Update(node, node.Record! with { Error = $"attempt {container.Attempt} failed: {error}; retrying in {delay.TotalSeconds:0.###} s" });
        LogRetrying(logger, node.Path, container.Attempt, delay.TotalSeconds, error);
        if (delay <= TimeSpan.Zero)
        {
            await LaunchAsync(run, node, container.Attempt + 1, cancellationToken);
            return;
        }

        container.RetryAt = now + delay;
        pass.Wake(container.RetryAt.Value);
    }

    private static string Describe(WorkloadStatus status) => status switch
    {
        { ExitCode: { } code, Reason: "Error" or "Completed" or null } => $"the process exited with code {code}",
        { ExitCode: { } code } => $"the process exited with code {code} ({status.Reason}{(string.IsNullOrEmpty(status.Message) ? string.Empty : $": {status.Message}")})",
        _ => $"{status.Reason ?? "Failed"}: {status.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {Path} attempt {Attempt} failed; retrying in {DelaySeconds} s: {Error}")]
    private static partial void LogRetrying(ILogger logger, string path, int attempt, double delaySeconds, string error);
}
