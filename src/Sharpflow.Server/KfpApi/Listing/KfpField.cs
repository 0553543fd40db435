namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>One key a list can be filtered and sorted on. <see cref="Normalize"/> maps equivalent spellings of enum values to one.</summary>
internal sealed record KfpField<T>(KfpValueKind Kind, Func<T, KfpValue> Get, Func<string, string>? Normalize = null);
