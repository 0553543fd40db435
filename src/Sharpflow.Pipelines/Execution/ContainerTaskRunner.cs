using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Artifacts;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Artifacts;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Launch;
using Sharpflow.Pipelines.Python;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// Runs container tasks as workloads: builds the executor input and command line (placeholders, IfPresent,
/// Concat, the Python prologue), answers from the cache when it may, launches one workload per attempt,
/// and on exit reads the outputs or applies the task's retry policy. See the partial files.
/// </summary>
internal sealed partial class ContainerTaskRunner(
    IWorkloadRuntime workloads,
    IExecutionStore executions,
    PythonComponentCommand python,
    PipelineArtifactLayout layout,
    ArtifactStoreResolver artifacts,
    IOptions<PipelineEngineOptions> options,
    TimeProvider time,
    ILogger<ContainerTaskRunner> logger)
{
    private readonly PipelineEngineOptions _options = options.Value;

    // The runtime every part of this class starts and polls workloads through: artifacts in stores without local
    // paths (S3) are staged through the task's scratch folder, and an attempt's outputs are uploaded before it counts as succeeded.
    private readonly ArtifactStagingRuntime runtime = new(workloads, new ArtifactStaging(artifacts, logger));

    /// <summary>Starts a bound container task; false when it finished at once (cached, or it cannot be launched).</summary>
    public async Task<bool> StartAsync(RunContext run, ExecutionNode node, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var definition = run.Definition;
        var executor = definition.Spec.FindExecutor(node.Component.ExecutorLabel);
        if (executor?.Container is not { } container)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error:
                $"executor {node.Component.ExecutorLabel} cannot run here: only container and importer executors are supported");
            return false;
        }

        var salt = run.Salt(node);
        var scratch = layout.TaskScratch(run.Uid, salt);
        var input = ExecutorInputFactory.Create(node.Component, node.Inputs!, scratch,
            name => ArtifactUris.ForOutput(definition.PipelineRoot, definition.PipelineName, run.Uid, node.TaskName, salt, name));
        var context = run.TaskContextFor(node);
        ArtifactStagingPlan staged;
        ResolvedCommandLine line;
        ResourceRequests resources;
        try
        {
            staged = runtime.Staging.Plan(input, scratch);
            line = CommandLineResolver.Resolve(container, input, node.Component, context, staged.Paths(layout.Paths));
            resources = TaskResources.Of(container.Resources, new PlaceholderResolver(line.LaunchInput, context, staged.Paths(layout.Paths)));
        }
        catch (LaunchException e)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: e.Message);
            return false;
        }

        var inputs = InputsJson.Of(line.LaunchInput.ParameterValues, line.LaunchInput.Artifacts);
        var resumed = run.Persisted.GetValueOrDefault(node.Path) is { State: TaskExecutionState.Running, Attempts: > 0 } saved ? saved.Attempts : 0;
        string? fingerprint = null;
        if (definition.CachingEnabled && node.Task!.CacheEnabled)
        {
            fingerprint = node.Task.CachingOptions?.CacheKey is { Length: > 0 } key ? key : CacheFingerprint.Compute(input, node.Component, container);
            if (resumed == 0 && await executions.FindCachedAsync(run.Namespace, definition.PipelineName, fingerprint, cancellationToken) is { } hit)
            {
                run.Finish(node, TaskExecutionState.Cached, now, NodeOutputs.FromJson(hit.Outputs), amend: r => r with
                {
                    Inputs = inputs,
                    Fingerprint = fingerprint,
                    CachedFrom = hit.Id,
                    StartedAt = now,
                });
                LogCached(logger, node.Path, hit.Id);
                return false;
            }
        }

        var launch = await python.ResolveAsync(line.Command, line.Args, cancellationToken);
        node.Container = new ContainerRun
        {
            LaunchInput = line.LaunchInput,
            Scratch = scratch,
            Template = new WorkloadSpec
            {
                Id = string.Empty,
                Image = container.Image,
                Command = MapExecutable(launch.Command),
                Args = launch.Command.Count > 0 ? launch.Args : MapExecutable(launch.Args),
                Env = Environment(line.Env, launch.Environment, staged.MountsJson(layout.MountsJson)),
                Resources = resources,
                Labels = TaskWorkloads.Labels(run, node),
            },
        };
        run.Start(node, inputs, now, r => r with { Fingerprint = fingerprint });
        await LaunchAsync(run, node, Math.Max(1, resumed), cancellationToken);
        return true;
    }

    /// <summary>Starts (or, after a restart, finds again) the workload of one attempt.</summary>
    private async Task LaunchAsync(RunContext run, ExecutionNode node, int attempt, CancellationToken cancellationToken)
    {
        var container = node.Container!;
        var id = TaskWorkloads.Id(run, node, attempt);
        var staged = runtime.Staging.Plan(container.LaunchInput, container.Scratch);
        if (await runtime.GetAsync(id, cancellationToken) is null)
        {
            try
            {
                OutputFiles.Prepare(container, layout, staged);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LaunchException)
            {
                run.Finish(node, TaskExecutionState.Failed, time.GetUtcNow(), error: $"the task's output folders cannot be created: {e.Message}");
                return;
            }

            try
            {
                await runtime.Staging.PrepareAsync(staged, cancellationToken);
            }
            catch (LaunchException e)
            {
                run.Finish(node, TaskExecutionState.Failed, time.GetUtcNow(), error: e.Message);
                return;
            }

            await runtime.StartAsync(container.Template with { Id = id }, cancellationToken);
            LogLaunched(logger, node.Path, id, attempt);
        }

        runtime.UploadOnSuccess(id, staged);

        container.Attempt = attempt;
        container.WorkloadId = id;
        run.Update(node, node.Record! with { Attempts = attempt, WorkloadId = id, LogLocation = TaskWorkloads.LogLocation(id) });
    }

    private IReadOnlyList<string> MapExecutable(IReadOnlyList<string> words) =>
        words.Count > 0 && _options.Executables.TryGetValue(words[0], out var replacement)
            ? [replacement, .. words.Skip(1)]
            : words;

    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> container, IReadOnlyDictionary<string, string> python, string mounts)
    {
        var env = new Dictionary<string, string>(container, StringComparer.Ordinal)
        {
            [PipelineArtifactLayout.MountsVariable] = mounts,
        };
        foreach (var (name, value) in python)
        {
            env[name] = name == "PYTHONPATH" && container.TryGetValue(name, out var existing) && existing.Length > 0
                ? $"{value}:{existing}"
                : value;
        }

        return env;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {Path} launched as workload {WorkloadId} (attempt {Attempt})")]
    private static partial void LogLaunched(ILogger logger, string path, string workloadId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {Path} reused the outputs of {CachedFrom}")]
    private static partial void LogCached(ILogger logger, string path, string cachedFrom);
}
