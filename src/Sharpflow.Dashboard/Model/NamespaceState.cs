namespace Sharpflow.Dashboard.Model;

/// <summary>The namespace a browser session last chose; pages prefer the <c>?ns=</c> query when present.</summary>
internal sealed class NamespaceState
{
    public const string DefaultNamespace = "default";

    public string Current { get; private set; } = DefaultNamespace;

    public string Resolve(string? fromQuery)
    {
        if (!string.IsNullOrEmpty(fromQuery))
        {
            Current = fromQuery;
        }

        return Current;
    }
}
