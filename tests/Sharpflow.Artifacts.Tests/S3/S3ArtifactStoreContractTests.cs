using Sharpflow.Artifacts.Tests.Support;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.Tests.S3;

/// <summary>The artifact store contract on the S3 store, against the fake S3 server.</summary>
public sealed class S3ArtifactStoreContractTests(FakeS3Fixture fixture) : ArtifactStoreContract, IClassFixture<FakeS3Fixture>
{
    private readonly IArtifactStore _store = fixture.CreateStore();

    protected override IArtifactStore Store => _store;

    protected override string Root { get; } = FakeS3Fixture.NewRoot();
}
