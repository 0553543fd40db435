namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>KFP's <c>Predicate.Operation</c>, with its proto numbers (the SDK sends the numbers).</summary>
internal enum KfpOperation
{
    Equals = 1,
    NotEquals = 2,
    GreaterThan = 3,
    GreaterThanEquals = 5,
    LessThan = 6,
    LessThanEquals = 7,
    In = 8,
    IsSubstring = 9,
}
