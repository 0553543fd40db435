using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web", "a,b")]
    [InlineData("app!=web", "c,d")]
    [InlineData("app in (web,db)", "a,b,c")]
    [InlineData("app notin (web)", "c,d")]
    [InlineData("tier", "b,c")]
    [InlineData("!tier", "a,d")]
    [InlineData("app=web,tier=gold", "b")]
    [InlineData("app in (web,db),!tier", "a")]
    [InlineData("", "a,b,c,d")]
    public async Task ListAsync_LabelSelector_ReturnsExactlyMatchingObjects(string selector, string expected)
    {
        await Store.CreateAsync(Widget("a", Labels(("app", "web"))));
        await Store.CreateAsync(Widget("b", Labels(("app", "web"), ("tier", "gold"))));
        await Store.CreateAsync(Widget("c", Labels(("app", "db"), ("tier", "silver"))));
        await Store.CreateAsync(Widget("d"));

        var list = await Store.ListAsync(WidgetQuery(selector));

        Assert.Equal(expected.Split(','), list.Items.Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task ListAsync_FieldSelector_FiltersByNameAndNamespace()
    {
        var other = Namespace + "-other";
        var a = Namespace + "-a";
        await Store.CreateAsync(Widget(a));
        await Store.CreateAsync(Widget("b"));
        await Store.CreateAsync(Widget(a, ns: other));

        var byName = await Store.ListAsync(WidgetQuery(fieldSelector: $"metadata.name={a}"));
        var notName = await Store.ListAsync(WidgetQuery(fieldSelector: $"metadata.name!={a}"));
        var acrossNamespaces = await Store.ListAsync(WidgetQuery(fieldSelector: $"metadata.name=={a},metadata.namespace!={Namespace}") with { Namespace = null });

        Assert.Equal([a], byName.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["b"], notName.Items.Select(i => i.Metadata.Name));
        Assert.Equal([other], acrossNamespaces.Items.Select(i => i.Metadata.Namespace));
    }

    [Fact]
    public async Task ListAsync_AllNamespaces_OrdersByNamespaceThenName()
    {
        var second = Namespace + "-z";
        await Store.CreateAsync(Widget("b", ns: second));
        await Store.CreateAsync(Widget("b"));
        await Store.CreateAsync(Widget("a", ns: second));
        await Store.CreateAsync(Widget("a"));

        var list = await Store.ListAsync(WidgetQuery(fieldSelector: $"metadata.namespace!=nobody") with { Namespace = null });
        var mine = list.Items.Where(i => i.Metadata.Namespace!.StartsWith(Namespace, StringComparison.Ordinal)).ToList();

        Assert.Equal([$"{Namespace}/a", $"{Namespace}/b", $"{second}/a", $"{second}/b"], mine.Select(i => $"{i.Metadata.Namespace}/{i.Metadata.Name}"));
    }

    [Fact]
    public async Task ListAsync_LimitAndContinue_ReturnsEveryObjectOnceInOrder()
    {
        var names = Enumerable.Range(0, 23).Select(i => $"item-{i:D2}").ToList();
        foreach (var name in names.OrderBy(_ => Random.Shared.Next()))
        {
            await Store.CreateAsync(Widget(name, Labels(("even", (int.Parse(name[5..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0).ToString().ToLowerInvariant()))));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(WidgetQuery(limit: 5, continueToken: token));
            Assert.True(page.Items.Count <= 5);
            seen.AddRange(page.Items.Select(i => i.Metadata.Name!));
            token = page.Metadata.Continue;
            pages++;
        }
        while (token is not null);

        Assert.Equal(names, seen);
        Assert.Equal(5, pages);
        var evenPage = await Store.ListAsync(WidgetQuery("even=true", limit: 100));
        Assert.Equal(12, evenPage.Items.Count);
        Assert.Null(evenPage.Metadata.Continue);
    }

    [Fact]
    public async Task ListAsync_Always_ReportsCurrentStoreVersion()
    {
        await Store.CreateAsync(Widget("v1"));
        await Store.CreateAsync(Widget("other", ns: Namespace + "-x"));

        var list = await Store.ListAsync(WidgetQuery());

        Assert.Equal(await Store.GetCurrentVersionAsync(), list.Metadata.ResourceVersion);
        Assert.Equal("WidgetList", list.Kind);
    }

    [Theory]
    [InlineData("app in web", "labelSelector")]
    [InlineData("app=(x", "labelSelector")]
    [InlineData("metadata.uid=1", "fieldSelector")]
    public async Task ListAsync_MalformedSelector_ThrowsBadRequest(string selector, string field)
    {
        var query = field == "labelSelector" ? WidgetQuery(selector) : WidgetQuery(fieldSelector: selector);

        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.ListAsync(query));

        Assert.Equal(400, error.Code);
        Assert.Contains("position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_InvalidContinueToken_ThrowsBadRequest()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => Store.ListAsync(WidgetQuery(continueToken: "not-a-token")));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public async Task ListAsync_ClusterScopedKind_ListsRegardlessOfNamespace()
    {
        await Store.CreateAsync(new Resource
        {
            ApiVersion = TestKinds.ApiVersion,
            Kind = TestKinds.Globe.Kind,
            Metadata = new ObjectMeta { Name = $"mars-{Namespace}" },
        });

        var list = await Store.ListAsync(new ListQuery { Group = TestKinds.Group, Kind = TestKinds.Globe.Kind, Namespace = "whatever", FieldSelector = $"metadata.name=mars-{Namespace}" });

        Assert.Single(list.Items);
    }
}
