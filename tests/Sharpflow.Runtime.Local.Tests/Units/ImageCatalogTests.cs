using Sharpflow.Runtime.Local.Launch;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class ImageCatalogTests
{
    private static readonly LocalImageOptions Python = new() { Image = "python" };
    private static readonly LocalImageOptions Python311 = new() { Image = "python:3.11" };
    private static readonly LocalImageOptions Registry = new() { Image = "registry.local:5000/team/trainer" };
    private static readonly LocalImageOptions Busybox = new() { Image = "busybox" };
    private static readonly List<LocalImageOptions> Images = [Python, Python311, Registry];

    [Theory]
    [InlineData("python:3.11", "python:3.11")]
    [InlineData("python:3.12", "python")]
    [InlineData("python", "python")]
    [InlineData("python@sha256:abc", "python")]
    [InlineData("registry.local:5000/team/trainer:v2", "registry.local:5000/team/trainer")]
    public void Find_Image_PrefersExactThenRepository(string image, string expected) =>
        Assert.Equal(expected, ImageCatalog.Find(Images, image)?.Image);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("registry.local:5000/other")]
    [InlineData("pythonista:1")]
    public void Find_UnmappedImage_ReturnsNull(string? image) => Assert.Null(ImageCatalog.Find(Images, image));

    [Theory]
    [InlineData("busybox")]
    [InlineData("ghcr.io/containerd/busybox")]
    [InlineData("alpine:latest")]
    [InlineData("docker.io/library/alpine:3.20")]
    [InlineData("registry.access.redhat.com/ubi9/python-311:latest")]
    [InlineData("python:3.11-alpine")]
    public void Find_ImageWhoseShellIsNotDash_RunsShAsBash(string image) =>
        Assert.Equal("bash", ImageCatalog.Find([], image)?.Executables["sh"]);

    [Theory]
    [InlineData("python:3.11")]
    [InlineData("debian:12")]
    [InlineData("ubuntu")]
    [InlineData("alpine.example.com/team/tool")]
    [InlineData("jetbrainsinfra/jq")]
    public void Find_OtherImages_KeepTheHostSh(string image) => Assert.Null(ImageCatalog.Find([], image));

    [Fact]
    public void Find_ConfiguredEntry_WinsOverWhatTheRuntimeKnowsOfTheShell() =>
        Assert.Same(Busybox, ImageCatalog.Find([Busybox], "busybox:1.36"));
}
