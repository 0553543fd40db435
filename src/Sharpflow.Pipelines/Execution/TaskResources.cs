using System.Globalization;
using Sharpflow.Core.Pods;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// What a container task asks of the node: the request, else the limit (as Kubernetes defaults requests), in the
/// current string forms (which may hold input placeholders) or the deprecated numeric ones (cores, GB).
/// </summary>
internal static class TaskResources
{
    public static ResourceRequests Of(ResourceSpec? resources, PlaceholderResolver placeholders)
    {
        if (resources is null)
        {
            return new ResourceRequests();
        }

        var cpu = Parse(placeholders, "resourceCpuRequest", resources.ResourceCpuRequest)
            ?? Parse(placeholders, "resourceCpuLimit", resources.ResourceCpuLimit)
            ?? Numeric(resources.CpuRequest > 0 ? resources.CpuRequest : resources.CpuLimit, 1);
        var memory = Parse(placeholders, "resourceMemoryRequest", resources.ResourceMemoryRequest)
            ?? Parse(placeholders, "resourceMemoryLimit", resources.ResourceMemoryLimit)
            ?? Numeric(resources.MemoryRequest > 0 ? resources.MemoryRequest : resources.MemoryLimit, 1_000_000_000);
        var gpus = resources.Accelerator is { } accelerator
            ? Parse(placeholders, "accelerator.resourceCount", accelerator.ResourceCount) ?? Numeric(accelerator.Count, 1)
            : null;
        return new ResourceRequests
        {
            CpuMillis = cpu?.ToMilliValue() ?? 0,
            MemoryBytes = memory?.ToInt64() ?? 0,
            Gpus = (int)(gpus?.ToInt64() ?? 0),
        };
    }

    private static Quantity? Parse(PlaceholderResolver placeholders, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var resolved = placeholders.Resolve(text).Trim();
        return Quantity.TryParse(resolved, out var quantity)
            ? quantity
            : throw new LaunchException($"resources.{field} \"{resolved}\" is not a quantity: use {Quantity.Format}");
    }

    private static Quantity? Numeric(double value, double scale) =>
        value > 0 ? Quantity.Parse((value * scale).ToString("R", CultureInfo.InvariantCulture)) : null;
}
