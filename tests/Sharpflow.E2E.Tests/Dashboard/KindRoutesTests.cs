using Sharpflow.Client;
using Sharpflow.Dashboard.Model;
using Xunit;

namespace Sharpflow.E2E.Tests.Dashboard;

public sealed class KindRoutesTests
{
    private static readonly KindInfo ConfigMaps = new() { Group = "", Version = "v1", Kind = "ConfigMap", Plural = "configmaps" };
    private static readonly KindInfo Jobs = new() { Group = "kubeflow.org", Version = "v1", Kind = "PyTorchJob", Plural = "pytorchjobs" };

    [Fact]
    public void List_CoreGroup_UsesTheCoreSegment()
    {
        Assert.Equal("/resources/core/v1/configmaps?ns=team-a", KindRoutes.List(ConfigMaps, "team-a"));
    }

    [Fact]
    public void Detail_NameNeedingEscapes_IsEscaped()
    {
        Assert.Equal("/resources/kubeflow.org/v1/pytorchjobs/a%20b?ns=default", KindRoutes.Detail(Jobs, "default", "a b"));
    }

    [Theory]
    [InlineData("core")]
    [InlineData("-")]
    public void Find_CoreSegment_FindsTheCoreKind(string segment)
    {
        Assert.Same(ConfigMaps, KindRoutes.Find([Jobs, ConfigMaps], segment, "v1", "configmaps"));
    }

    [Fact]
    public void Find_UnknownPlural_IsNull()
    {
        Assert.Null(KindRoutes.Find([Jobs, ConfigMaps], "kubeflow.org", "v1", "tfjobs"));
    }

    [Theory]
    [InlineData("/resources/core/v1/pods/trainer-0", true)]
    [InlineData("/resources/core/v1/pods", false)]
    [InlineData("/resources", false)]
    [InlineData("/training", false)]
    public void IsDetailPath_Path_RecognisesObjectPages(string path, bool expected)
    {
        Assert.Equal(expected, KindRoutes.IsDetailPath(path));
    }
}
