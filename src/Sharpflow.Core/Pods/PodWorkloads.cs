using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Pods;

/// <summary>How a pod maps onto workloads: one workload per attempt of its first container.</summary>
internal static class PodWorkloads
{
    public const string Finalizer = "sharpflow.io/workload";

    /// <summary>"{namespace}.{name}.{first 8 of uid}" for the first attempt, then "-{restartCount}" per restart.</summary>
    public static string Id(Resource pod, int restartCount)
    {
        var uid = pod.Metadata.Uid ?? string.Empty;
        var id = $"{pod.Metadata.Namespace}.{pod.Metadata.Name}.{uid[..Math.Min(8, uid.Length)]}";
        return restartCount == 0 ? id : $"{id}-{restartCount}";
    }

    public static WorkloadSpec Spec(Resource pod, PodContainer container, string id)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
        {
            // Later entries win, as in Kubernetes.
            env[variable.Name!] = variable.Value ?? string.Empty;
        }

        return new WorkloadSpec
        {
            Id = id,
            Image = container.Image,
            Command = container.Command,
            Args = container.Args,
            Env = env,
            WorkingDir = container.WorkingDir,
            Resources = Requests(container.Resources),
            Ports = container.Ports.Select(p => new WorkloadPort(p.Key, p.ContainerPort)).ToList(),
            Labels = OwnerLabels(pod),
        };
    }

    public static Dictionary<string, string> OwnerLabels(Resource pod) => new(StringComparer.Ordinal)
    {
        [WorkloadLabels.Namespace] = pod.Metadata.Namespace ?? string.Empty,
        [WorkloadLabels.OwnerKind] = BuiltInKinds.Pod.Kind,
        [WorkloadLabels.OwnerName] = pod.Metadata.Name ?? string.Empty,
        [WorkloadLabels.OwnerUid] = pod.Metadata.Uid ?? string.Empty,
    };

    /// <summary>What the runtime admits against capacity: the requests, or the limits where no request is set (as Kubernetes defaults them).</summary>
    public static ResourceRequests Requests(ResourceRequirements? resources) => new()
    {
        CpuMillis = Get(resources, ResourceRequirements.Cpu)?.ToMilliValue() ?? 0,
        MemoryBytes = Get(resources, ResourceRequirements.Memory)?.ToInt64() ?? 0,
        Gpus = (int)(Get(resources, ResourceRequirements.NvidiaGpu)?.ToInt64() ?? 0),
    };

    private static Quantity? Get(ResourceRequirements? resources, string name)
    {
        var text = resources?.Requests?.GetValueOrDefault(name) ?? resources?.Limits?.GetValueOrDefault(name);
        return text is not null && Quantity.TryParse(text, out var quantity) ? quantity : null;
    }
}
