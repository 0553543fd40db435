namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>What a listed field holds, which decides how filter values are read and compared.</summary>
internal enum KfpValueKind
{
    String,
    Number,

    /// <summary>A timestamp: sorted to the tick, filtered in Unix seconds as KFP stores them.</summary>
    Time,
}
