using Sharpflow.Client;

namespace Sharpflow.Dashboard.Model;

/// <summary>How many objects of a kind a namespace holds; <see cref="More"/> when the count stopped at a page.</summary>
internal sealed record KindCount(KindInfo Kind, int Count, bool More);
