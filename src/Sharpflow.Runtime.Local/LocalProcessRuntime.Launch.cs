using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Admission;
using Sharpflow.Runtime.Local.Launch;
using Sharpflow.Runtime.Local.Supervision;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    /// <summary>
    /// Prepares every member of a unit (resources, ports, directories, volumes, command) before starting any, so a
    /// gang with a member that cannot start fails whole instead of running in part; then records the members as
    /// running, together, and hands the unit to the launcher threads, which start the processes outside the lock.
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

        var now = _timeProvider.GetUtcNow();
        foreach (var launch in prepared)
        {
            launch.Entry.Launching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            UpdateLocked(launch.Entry, launch.Entry.State with
            {
                Phase = WorkloadPhase.Running,
                Reason = "Admitted",
                Message = "running in a process group of its own.",
                StartedAt = now,
                Ports = launch.Ports.ToDictionary(StringComparer.Ordinal),
                GpuDevices = launch.GpuDevices,
            });
        }

        EnqueueLaunchLocked(prepared);
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
    /// The supervisor started the process (pid and /proc start time), or it could not be started (<paramref name="error"/>):
    /// records it, frees what a failed one held, and clears <see cref="WorkloadEntry.Launching"/>, which the caller
    /// completes once it released the lock.
    /// </summary>
    private void RecordLaunchedLocked(PreparedLaunch launch, int pid, ulong? startTime, SupervisorConnection? supervisor, string? error)
    {
        var entry = launch.Entry;
        entry.Launching = null;
        if (error is not null)
        {
            ReleaseLocked(launch);
            LogLaunchFailed(entry.Id, error);
            FinishLocked(entry, entry.State with { Phase = WorkloadPhase.Failed, Reason = "Error", Message = $"could not start: {error}" });
            AdmitLocked();
            return;
        }

        entry.IsRunningChild = true;

        // Saved so that a later server finds the process again; the reported status does not change. The command
        // became a session and group leader before it exec'd, so pgid = pid.
        UpdateLocked(entry, entry.State with { Pid = pid, ProcessGroupId = pid, ProcessStartTime = startTime }, publish: false);
        LogStarted(entry.Id, pid, launch.Plan.Executable, supervisor!.Pid);
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
            ProcessPath = entry.Paths.Process,
        };
    }
}
