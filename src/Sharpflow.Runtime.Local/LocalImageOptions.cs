namespace Sharpflow.Runtime.Local;

/// <summary>
/// The local environment an image stands for, e.g. <c>python:3.11</c> as the host's <c>/usr/bin/python3</c>
/// or a virtual environment: extra variables, a PATH prefix and executable replacements.
/// </summary>
public sealed class LocalImageOptions
{
    /// <summary>
    /// The image this entry stands for. An entry without a tag or digest (<c>python</c>) matches every tag of that
    /// image; an exact entry (<c>python:3.11</c>) wins over it.
    /// </summary>
    public string Image { get; set; } = string.Empty;

    /// <summary>Variables added to the workload's environment; the spec's own env wins over these.</summary>
    public Dictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Directories (':'-separated) put in front of PATH, e.g. a virtual environment's <c>bin</c>.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>Replacements for the first word of the command, e.g. <c>python</c> → <c>/usr/bin/python3</c>.</summary>
    public Dictionary<string, string> Executables { get; set; } = new(StringComparer.Ordinal);
}
