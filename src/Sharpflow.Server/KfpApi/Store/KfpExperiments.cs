using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// The "Default" experiment each namespace gets the first time a run or recurring run is created there without an
/// experiment (KFP's default experiment). Its resource name is <c>default</c>; runs whose <c>spec.experimentName</c> is
/// empty belong to it too.
/// </summary>
internal sealed class KfpExperiments(KfpStore store, KfpAdmission admission)
{
    public const string DefaultName = "default";
    public const string DefaultDisplayName = "Default";

    /// <summary>The experiment a run names, with an empty name meaning the default one.</summary>
    public static string NameOf(string? experimentName) => string.IsNullOrEmpty(experimentName) ? DefaultName : experimentName;

    public async Task<Resource> EnsureDefaultAsync(string ns, CancellationToken cancellationToken)
    {
        var kind = PipelineKinds.Experiment;
        if (await store.GetAsync(kind, ns, DefaultName, cancellationToken) is { } existing)
        {
            return existing;
        }

        await admission.EnsureNamespaceAsync(kind, ns, cancellationToken);
        var experiment = new Resource
        {
            ApiVersion = kind.ApiVersion,
            Kind = kind.Kind,
            Metadata = new ObjectMeta { Name = DefaultName, Namespace = ns },
        }.WithSpec(new ExperimentSpec { DisplayName = DefaultDisplayName, StorageState = KfpStorageStates.Available });
        try
        {
            return await store.Inner.CreateAsync(experiment, cancellationToken);
        }
        catch (ResourceException e) when (e.Code == 409 && e.Reason == "AlreadyExists")
        {
            // Created by a concurrent request in the meantime.
            var created = await store.GetAsync(kind, ns, DefaultName, cancellationToken);
            if (created is null)
            {
                throw;
            }

            return created;
        }
    }
}
