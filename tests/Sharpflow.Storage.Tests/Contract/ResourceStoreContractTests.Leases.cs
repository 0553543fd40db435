namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Fact]
    public async Task TryAcquireAsync_HeldBySomeoneElse_FailsUntilItExpires()
    {
        var lease = "controllers-" + Namespace;
        var leases = Host.Leases;

        Assert.True(await leases.TryAcquireAsync(lease, "a", TimeSpan.FromSeconds(15)));
        Assert.False(await leases.TryAcquireAsync(lease, "b", TimeSpan.FromSeconds(15)));
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await leases.TryAcquireAsync(lease, "a", TimeSpan.FromSeconds(15)));
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await leases.TryAcquireAsync(lease, "b", TimeSpan.FromSeconds(15)));
        Time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await leases.TryAcquireAsync(lease, "b", TimeSpan.FromSeconds(15)));
        Assert.False(await leases.TryAcquireAsync(lease, "a", TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task ReleaseAsync_ByHolder_FreesLeaseButNotByOthers()
    {
        var lease = "release-" + Namespace;
        var leases = Host.Leases;
        Assert.True(await leases.TryAcquireAsync(lease, "a", TimeSpan.FromMinutes(1)));

        await leases.ReleaseAsync(lease, "b");
        Assert.False(await leases.TryAcquireAsync(lease, "b", TimeSpan.FromMinutes(1)));
        await leases.ReleaseAsync(lease, "a");

        Assert.True(await leases.TryAcquireAsync(lease, "b", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task TryAcquireAsync_ReplicasRacing_ExactlyOneWinsEachRound()
    {
        var replicas = Enumerable.Range(0, 4).Select(i => StartHost(out _).Leases).ToList();
        for (var round = 0; round < 10; round++)
        {
            var lease = $"race-{round}-{Namespace}";
            var results = await Task.WhenAll(replicas.Select((store, i) => Task.Run(() => store.TryAcquireAsync(lease, $"replica-{i}", TimeSpan.FromMinutes(1)))));

            Assert.Equal(1, results.Count(won => won));
        }
    }
}
