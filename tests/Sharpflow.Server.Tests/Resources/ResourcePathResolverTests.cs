using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Server.Resources;
using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Resources;

public sealed class ResourcePathResolverTests
{
    private readonly ResourcePathResolver _resolver = new(new KindRegistry([.. BuiltInKinds.All, TestKinds.Widget, TestKinds.Gadget]));

    [Theory]
    [InlineData("", "v1", "namespaces", "Namespace", null, null, null)]
    [InlineData("", "v1", "namespaces/team-a", "Namespace", null, "team-a", null)]
    [InlineData("", "v1", "namespaces/team-a/status", "Namespace", null, "team-a", "status")]
    [InlineData("", "v1", "namespaces/team-a/configmaps", "ConfigMap", "team-a", null, null)]
    [InlineData("", "v1", "namespaces/team-a/configmaps/settings", "ConfigMap", "team-a", "settings", null)]
    [InlineData("", "v1", "configmaps", "ConfigMap", null, null, null)]
    [InlineData("test.sharpflow.io", "v1", "namespaces/ns/widgets/w/status", "Widget", "ns", "w", "status")]
    [InlineData("test.sharpflow.io", "v1", "widgets", "Widget", null, null, null)]
    [InlineData("test.sharpflow.io", "v1", "gadgets/g", "Gadget", null, "g", null)]
    public void Resolve_KubernetesPaths_FindKindNamespaceNameAndSubresource(
        string group, string version, string path, string kind, string? ns, string? name, string? subresource)
    {
        var target = _resolver.Resolve(group, version, path);

        Assert.Equal((kind, ns, name, subresource), (target.Kind.Kind, target.Namespace, target.Name, target.Subresource));
    }

    [Theory]
    [InlineData("", "v1", "")]
    [InlineData("", "v1", "frobs")]
    [InlineData("", "v2", "configmaps")]
    [InlineData("", "v1", "configmaps/settings")]
    [InlineData("", "v1", "namespaces/a/namespaces")]
    [InlineData("", "v1", "namespaces/a/configmaps/b/scale")]
    [InlineData("", "v1", "namespaces/a/configmaps/b/status")]
    [InlineData("", "v1", "namespaces/a/configmaps/b/status/extra")]
    [InlineData("test.sharpflow.io", "v1", "namespaces/a/gadgets")]
    public void Resolve_PathsThatNameNothing_Throw404(string group, string version, string path)
    {
        var error = Assert.Throws<ResourceException>(() => _resolver.Resolve(group, version, path));

        Assert.Equal(404, error.Code);
        Assert.StartsWith("the server could not find the requested resource", error.Message, StringComparison.Ordinal);
    }
}
