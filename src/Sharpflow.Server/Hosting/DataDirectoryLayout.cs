namespace Sharpflow.Server.Hosting;

/// <summary>The folders a server keeps under its data directory.</summary>
internal sealed record DataDirectoryLayout(string Root)
{
    public string Workloads => Path.Combine(Root, "workloads");

    public string Artifacts => Path.Combine(Root, "artifacts");

    public string Logs => Path.Combine(Root, "logs");

    public void Create()
    {
        foreach (var directory in new[] { Root, Workloads, Artifacts, Logs })
        {
            Directory.CreateDirectory(directory);
        }
    }
}
