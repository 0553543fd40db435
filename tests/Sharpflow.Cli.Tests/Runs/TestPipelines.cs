namespace Sharpflow.Cli.Tests.Runs;

/// <summary>The small compiled pipelines of Runs/Pipelines (KFP IR with shell steps), found in the source tree above the test binaries.</summary>
internal static class TestPipelines
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Path(string name) => System.IO.Path.Combine(Folder.Value, name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "tests", "Sharpflow.Cli.Tests", "Runs", "Pipelines");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/Sharpflow.Cli.Tests/Runs/Pipelines was not found above {AppContext.BaseDirectory}.");
    }
}
