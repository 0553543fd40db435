namespace Sharpflow.Pipelines.Python;

/// <summary>How compiled KFP Python-function components are run on this machine.</summary>
public sealed class PythonRuntimeOptions
{
    /// <summary>The interpreter that runs components when the kfp package is not importable.</summary>
    public string Interpreter { get; set; } = "/usr/bin/python3";

    /// <summary>The directory holding Sharpflow's <c>kfp</c> executor runtime package.</summary>
    public string RuntimeDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "python");
}
