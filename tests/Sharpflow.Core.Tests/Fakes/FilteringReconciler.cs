using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Tests.Fakes;

/// <summary>A reconciler that only says which kind it owns and which workload changes it reacts to.</summary>
internal sealed class FilteringReconciler(ResourceKind kind, Func<WorkloadStatus, bool>? reactsTo = null) : IReconciler
{
    public ResourceKind Kind => kind;

    public bool ReactsTo(WorkloadStatus workload) => reactsTo?.Invoke(workload) ?? true;

    public Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);
}
