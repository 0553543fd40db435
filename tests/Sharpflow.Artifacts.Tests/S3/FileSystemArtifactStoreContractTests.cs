using Microsoft.Extensions.Options;
using Sharpflow.Artifacts.Tests.Support;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.Tests.S3;

/// <summary>The same contract on the filesystem store, so that both stores keep behaving alike.</summary>
public sealed class FileSystemArtifactStoreContractTests : ArtifactStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sharpflow-artifacts-" + Guid.NewGuid().ToString("N")[..12]);

    public FileSystemArtifactStoreContractTests()
    {
        Store = new FileSystemArtifactStore(Options.Create(new FileSystemArtifactStoreOptions { Root = _folder }));
        Root = Path.Join(_folder, "pipelines");
    }

    protected override IArtifactStore Store { get; }

    protected override string Root { get; }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
