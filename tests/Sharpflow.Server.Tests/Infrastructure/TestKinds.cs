using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Api.Kinds;
using Sharpflow.Core.DependencyInjection;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary>Kinds only the tests serve: a namespaced one with a status subresource and a validator, and a cluster-scoped one.</summary>
public static class TestKinds
{
    public const string Group = "test.sharpflow.io";

    public static readonly ResourceKind Widget = new()
    {
        Group = Group,
        Version = "v1",
        Kind = "Widget",
        Plural = "widgets",
        ShortNames = ["wd"],
    };

    public static readonly ResourceKind Gadget = new()
    {
        Group = Group,
        Version = "v1",
        Kind = "Gadget",
        Plural = "gadgets",
        Namespaced = false,
    };

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(Widget);
        services.AddSingleton(Gadget);
        services.AddResourceValidator<WidgetValidator>();
    }
}
