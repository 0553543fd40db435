namespace Sharpflow.Server.KfpApi.Store;

/// <summary>KFP's <c>StorageState</c> of runs and experiments.</summary>
internal static class KfpStorageStates
{
    public const string Available = "AVAILABLE";
    public const string Archived = "ARCHIVED";
}
