namespace Sharpflow.Api.Selectors;

/// <summary>
/// A parsed Kubernetes label selector: requirements joined by AND, e.g.
/// <c>app=web,tier!=db,env in (a,b),!legacy</c>. An empty selector matches everything.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements)
    {
        Requirements = requirements;
    }

    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Parses the selector; null or blank gives <see cref="Everything"/>.</summary>
    /// <exception cref="Errors.ResourceException">400 BadRequest naming the selector and the position of the problem.</exception>
    public static LabelSelector Parse(string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? Everything : new(new LabelSelectorParser(selector).Parse());

    public static LabelSelector FromRequirements(IEnumerable<LabelRequirement> requirements) => new(requirements.ToList());

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(',', Requirements);
}
