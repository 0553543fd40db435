using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Engine;

namespace Sharpflow.Pipelines.Tests.Engine;

public sealed class RunCacheTests
{
    private static readonly ResourceKey Key = new("pipelines.kubeflow.org", "Run", "team", "r");

    [Fact]
    public void Put_OlderVersionAfterANewerOne_KeepsTheNewer()
    {
        var cache = new RunCache();

        cache.Put(Run("12"));
        cache.Observe(new WatchEvent { Type = WatchEventType.Modified, Object = Run("11") });

        Assert.Equal("12", cache.Get(Key)!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Observe_NewerChange_ReplacesWhatTheReconcilerWrote()
    {
        var cache = new RunCache();

        cache.Put(Run("12"));
        cache.Observe(new WatchEvent { Type = WatchEventType.Modified, Object = Run("13") });

        Assert.Equal("13", cache.Get(Key)!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Observe_Deleted_ForgetsTheRun()
    {
        var cache = new RunCache();
        cache.Put(Run("12"));

        cache.Observe(new WatchEvent { Type = WatchEventType.Deleted, Object = Run("12") });

        Assert.Null(cache.Get(Key));
    }

    private static Resource Run(string version) => new()
    {
        ApiVersion = "pipelines.kubeflow.org/v1",
        Kind = "Run",
        Metadata = new ObjectMeta { Namespace = "team", Name = "r", ResourceVersion = version },
    };
}
