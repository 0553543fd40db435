namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>The Python scripts beside these sources (found by walking up from the test binaries to the repository).</summary>
internal static class KfpPythonScripts
{
    public static string Path(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "tests", "Sharpflow.Server.Tests", "KfpApi", "Support", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{fileName} was not found in tests/Sharpflow.Server.Tests/KfpApi/Support above {AppContext.BaseDirectory}");
    }
}
