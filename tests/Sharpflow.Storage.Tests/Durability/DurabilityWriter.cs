using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Tests.Contract;

namespace Sharpflow.Storage.Tests.Durability;

/// <summary>
/// Child process of the durability test: creates objects one after another and prints each name only
/// after its CreateAsync returned, until it is killed.
/// </summary>
public static class DurabilityWriter
{
    public const string Verb = "durability-writer";
    public const string Namespace = "durable";
    public const string Acknowledged = "created ";

    public static async Task RunAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TestKinds.Registry());
        services.AddSharpflowStorage(o => o.ConnectionString = connectionString);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IResourceStore>();
        for (var i = 0; ; i++)
        {
            var name = "object-" + i.ToString(CultureInfo.InvariantCulture);
            await store.CreateAsync(new Resource
            {
                ApiVersion = TestKinds.ApiVersion,
                Kind = TestKinds.Widget.Kind,
                Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
                Spec = new JsonObject { ["index"] = i },
            });
            Console.Out.WriteLine(Acknowledged + name);
        }
    }
}
