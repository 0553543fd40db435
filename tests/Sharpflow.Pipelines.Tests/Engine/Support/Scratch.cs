namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>A temporary folder tests' shell steps use to leave marks (counters, flags) the test can check or set.</summary>
public sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sharpflow-pipelines-" + Guid.NewGuid().ToString("N")[..10]);

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>How many lines a step appended to the file (one per run of the step).</summary>
    public int Lines(string name) => System.IO.File.Exists(File(name)) ? System.IO.File.ReadAllLines(File(name)).Length : 0;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
