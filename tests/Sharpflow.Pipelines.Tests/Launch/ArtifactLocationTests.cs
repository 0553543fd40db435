using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class ArtifactLocationTests
{
    [Theory]
    [InlineData("/data/artifacts/p/r/t/s/model", "/data/artifacts/p/r/t/s/model")]
    [InlineData("file:///data/artifacts/model", "/data/artifacts/model")]
    [InlineData("gs://bucket/key/model", "/gcs/bucket/key/model")]
    [InlineData("minio://mlpipeline/v2/artifacts/x", "/minio/mlpipeline/v2/artifacts/x")]
    [InlineData("s3://bucket/x", "/s3/bucket/x")]
    [InlineData("oci://registry.io/org/model:1.0", "/oci/registry.io_org_model:1.0/models")]
    public void LocalPath_Uri_MapsAsKfp(string uri, string path) =>
        Assert.Equal(path, ArtifactPaths.Kfp.LocalPath(uri));

    [Fact]
    public void LocalPath_WithMountRoot_PutsRemoteMountsUnderIt()
    {
        var paths = new ArtifactPaths("/var/lib/sharpflow/mounts");

        Assert.Equal("/var/lib/sharpflow/mounts/s3/bucket/x", paths.LocalPath("s3://bucket/x"));
        Assert.Equal("/data/local", paths.LocalPath("/data/local"));
    }

    [Theory]
    [InlineData("https://example.com/model")]
    [InlineData("relative/path")]
    public void LocalPath_UnsupportedUri_Fails(string uri)
    {
        var error = Assert.Throws<LaunchException>(() => ArtifactPaths.Kfp.LocalPath(uri));

        Assert.Contains(uri, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/artifacts", "/data/artifacts/my-pipeline/run-1/train/exec-7/model")]
    [InlineData("/data/artifacts/", "/data/artifacts/my-pipeline/run-1/train/exec-7/model")]
    [InlineData("file:///data/artifacts", "/data/artifacts/my-pipeline/run-1/train/exec-7/model")]
    [InlineData("minio://mlpipeline/v2/artifacts", "minio://mlpipeline/v2/artifacts/my-pipeline/run-1/train/exec-7/model")]
    [InlineData("s3://bucket/", "s3://bucket/my-pipeline/run-1/train/exec-7/model")]
    public void ForOutput_Root_LaysOutPipelineRunTaskSaltAndName(string root, string expected) =>
        Assert.Equal(expected, ArtifactUris.ForOutput(root, "my-pipeline", "run-1", "train", "exec-7", "model"));
}
