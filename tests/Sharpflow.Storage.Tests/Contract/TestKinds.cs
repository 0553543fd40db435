using Sharpflow.Api.Kinds;

namespace Sharpflow.Storage.Tests.Contract;

/// <summary>Kinds covering the store's three shapes: with status subresource, without one, and cluster-scoped.</summary>
public static class TestKinds
{
    public const string Group = "test.sharpflow.io";
    public const string ApiVersion = Group + "/v1";

    public static readonly ResourceKind Widget = new() { Group = Group, Version = "v1", Kind = "Widget", Plural = "widgets" };

    public static readonly ResourceKind Gadget = new() { Group = Group, Version = "v1", Kind = "Gadget", Plural = "gadgets", HasStatusSubresource = false };

    public static readonly ResourceKind Globe = new() { Group = Group, Version = "v1", Kind = "Globe", Plural = "globes", Namespaced = false };

    public static KindRegistry Registry() => new([.. BuiltInKinds.All, Widget, Gadget, Globe]);
}
