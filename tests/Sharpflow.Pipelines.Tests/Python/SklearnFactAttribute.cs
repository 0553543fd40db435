namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>
/// A fact for components that import scikit-learn: skipped, with the reason, when Debian's
/// python3-sklearn is not installed (scripts/install-test-deps.sh installs it).
/// </summary>
public sealed class SklearnFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() => ProcessRunner.CanImport("sklearn"));

    public SklearnFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = $"scikit-learn is not importable by {ProcessRunner.Python}; scripts/install-test-deps.sh installs python3-sklearn";
        }
    }
}
