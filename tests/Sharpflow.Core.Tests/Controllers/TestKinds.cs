using System.Text.Json.Nodes;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Tests.Controllers;

internal static class TestKinds
{
    public static readonly ResourceKind Widget = new() { Group = "test.sharpflow.io", Version = "v1", Kind = "Widget", Plural = "widgets" };

    public static readonly ResourceKind Gadget = new() { Group = "test.sharpflow.io", Version = "v1", Kind = "Gadget", Plural = "gadgets" };

    public static Resource New(ResourceKind kind, string name, int size = 1, OwnerReference? owner = null) => new()
    {
        ApiVersion = kind.ApiVersion,
        Kind = kind.Kind,
        Metadata = new ObjectMeta { Name = name, Namespace = "default", OwnerReferences = owner is null ? null : [owner] },
        Spec = new JsonObject { ["size"] = size },
    };

    public static OwnerReference OwnedBy(Resource owner, bool controller) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name!,
        Uid = owner.Metadata.Uid!,
        Controller = controller,
    };

    public static ResourceKey Key(ResourceKind kind, string name) => new(kind.Group, kind.Kind, "default", name);
}
