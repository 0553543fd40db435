using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Admission;
using Sharpflow.Runtime.Local.Launch;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    /// <summary>
    /// Prepares every member of a unit (resources, ports, directories, volumes, command) before starting any, so a
    /// gang with a member that cannot start fails whole instead of running in part. The processes are started by
    /// <see cref="StartAdmitted"/>, outside the lock: until then the members stay Pending, marked as launching.
    /// </summary>
    private void LaunchUnitLocked(IReadOnlyList<WorkloadEntry> unit)
    {
        var prepared = new List<PreparedLaunch>();
        foreach (var entry in unit)
        {
            try
            {
                prepared.Add(PrepareLocked(entry));
            }
            catch (Exception ex) when (IsLaunchFailure(ex))
            {
                prepared.ForEach(ReleaseLocked);
                LogLaunchFailed(entry.Id, ex.Message);
                foreach (var member in unit)
                {
                    var message = member == entry ? $"could not start: {ex.Message}" : $"could not start: group member {entry.Id} cannot start: {ex.Message}";
                    FinishLocked(member, member.State with { Phase = WorkloadPhase.Failed, Reason = "Error", Message = message });
                }

                return;
            }
        }

        foreach (var launch in prepared)
        {
            launch.Entry.Launching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            launch.Entry.State = launch.Entry.State with { Reason = "Admitted", Message = "starting its process." };
        }

        _admitted.Enqueue(prepared);
    }

    private PreparedLaunch PrepareLocked(WorkloadEntry entry)
    {
        var spec = entry.State.Spec;
        var request = Capacity.Of(spec.Resources);
        var devices = _ledger.Reserve(request);
        var ports = new List<KeyValuePair<string, int>>();
        try
        {
            foreach (var port in spec.Ports)
            {
                ports.Add(new(port.Name, _ports.Allocate()));
            }

            return new PreparedLaunch(entry, request, devices, ports, Plan(entry, ports, devices));
        }
        catch (Exception ex) when (IsLaunchFailure(ex))
        {
            ReleaseLocked(request, devices, ports);
            throw;
        }
    }

    /// <summary>
    /// Starts the processes of the units admitted so far. Called after every lock section that may have admitted
    /// some: a spawn waits until the child has exec'd, and no other caller should wait behind it. The members of a
    /// unit are recorded as running together, in one lock section, so a gang is never seen partly started.
    /// </summary>
    private void StartAdmitted()
    {
        while (true)
        {
            IReadOnlyList<PreparedLaunch> unit;
            lock (_gate)
            {
                if (!_admitted.TryDequeue(out unit!))
                {
                    return;
                }
            }

            var spawned = unit.Select(Spawn).ToList();
            var launched = new List<TaskCompletionSource?>();
            lock (_gate)
            {
                var freed = false;
                foreach (var (launch, pid, startTime, error) in spawned)
                {
                    launched.Add(launch.Entry.Launching);
                    launch.Entry.Launching = null;
                    if (error is null)
                    {
                        RecordStartedLocked(launch, pid, startTime);
                        continue;
                    }

                    ReleaseLocked(launch);
                    LogLaunchFailed(launch.Entry.Id, error.Message);
                    FinishLocked(launch.Entry, launch.Entry.State with { Phase = WorkloadPhase.Failed, Reason = "Error", Message = $"could not start: {error.Message}" });
                    freed = true;
                }

                if (freed)
                {
                    AdmitLocked();
                }
            }

            launched.ForEach(done => done?.TrySetResult());
        }
    }

    private static (PreparedLaunch Launch, int Pid, ulong? StartTime, Exception? Error) Spawn(PreparedLaunch launch)
    {
        try
        {
            File.Delete(launch.Entry.Paths.ExitCode);
            var pid = ProcessLauncher.Start(launch.Plan);
            return (launch, pid, ProcFs.TryRead(pid)?.StartTime, null);
        }
        catch (Exception ex) when (IsLaunchFailure(ex))
        {
            return (launch, 0, null, ex);
        }
    }

    private void RecordStartedLocked(PreparedLaunch launch, int pid, ulong? startTime)
    {
        var entry = launch.Entry;
        entry.IsRunningChild = true;
        UpdateLocked(entry, entry.State with
        {
            Phase = WorkloadPhase.Running,
            Reason = "Admitted",
            Message = $"running as process group {pid}.",
            StartedAt = _timeProvider.GetUtcNow(),
            Ports = launch.Ports.ToDictionary(StringComparer.Ordinal),
            GpuDevices = launch.GpuDevices,
            Pid = pid,

            // The wrapper became a session and group leader before it exec'd, so pgid = pid.
            ProcessGroupId = pid,
            ProcessStartTime = startTime,
        });

        // Reported on the thread pool, where the callback waits for the lock held here.
        ChildExitWatcher.Shared.Watch(pid, exitCode => OnChildExited(entry, pid, exitCode));
        LogStarted(entry.Id, pid, launch.Plan.Executable);
    }

    private void ReleaseLocked(PreparedLaunch launch) => ReleaseLocked(launch.Request, launch.GpuDevices, launch.Ports);

    private void ReleaseLocked(Capacity request, IReadOnlyList<int> devices, IEnumerable<KeyValuePair<string, int>> ports)
    {
        _ledger.Release(request, devices);
        _ports.Release(ports.Select(port => port.Value));
    }

    private static bool IsLaunchFailure(Exception ex) =>
        ex is WorkloadLaunchException or IOException or UnauthorizedAccessException or InvalidOperationException;

    private LaunchPlan Plan(WorkloadEntry entry, IReadOnlyList<KeyValuePair<string, int>> ports, IReadOnlyList<int> devices)
    {
        var spec = entry.State.Spec;
        var workingDirectory = string.IsNullOrEmpty(spec.WorkingDir)
            ? entry.Paths.Work
            : Path.GetFullPath(spec.WorkingDir, entry.Paths.Work);
        try
        {
            Directory.CreateDirectory(workingDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkloadLaunchException($"the working directory {workingDirectory} cannot be created: {ex.Message}", ex);
        }

        var image = ImageCatalog.Find(_options.Images, spec.Image);
        var volumes = VolumeMounter.Mount(spec.Volumes, workingDirectory);
        var env = WorkloadEnvironment.Build(
            spec,
            image,
            _options.InheritedEnvironment ?? LocalRuntimeOptions.DefaultInheritedEnvironment,
            ports,
            volumes,
            _options.Gpus > 0 ? devices : null);

        // Kubernetes semantics: command replaces the image entrypoint and args follow it; with no command, args run alone.
        var words = (spec.Command.Count > 0 ? spec.Command.Concat(spec.Args) : spec.Args)
            .Select(word => CommandExpansion.Expand(word, env))
            .ToList();
        var command = image is not null && image.Executables.TryGetValue(words[0], out var replacement) ? replacement : words[0];
        return new LaunchPlan
        {
            Executable = ExecutableResolver.Resolve(command, env.GetValueOrDefault("PATH"), workingDirectory),
            Arguments = words[1..],
            Environment = env,
            WorkingDirectory = workingDirectory,
            LogPath = entry.Paths.Log,
            ExitCodePath = entry.Paths.ExitCode,
        };
    }
}
