using System.Text.Json.Nodes;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Paging, sorting and filtering of KFP lists, on the experiments of a namespace of their own.</summary>
public sealed class KfpListTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>, IAsyncLifetime
{
    private static readonly string[] Names = ["list-c", "list-a", "list-e", "list-b", "list-d"];

    private readonly HttpClient _http = fixture.Http;
    private string _ns = null!;

    public async Task InitializeAsync()
    {
        _ns = await _http.CreateNamespaceAsync("kfp-list");
        foreach (var name in Names)
        {
            (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = name, ["namespace"] = _ns })).Ok();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_PageSizeTwo_WalksEveryItemOnceByTokens()
    {
        var seen = new List<string>();
        var first = await ListAsync("page_size=2&sort_by=display_name");
        Assert.Equal(5, first["total_size"]!.GetValue<int>());
        var page = first;
        while (true)
        {
            seen.AddRange(page["experiments"]!.AsArray().Select(e => e.Text("display_name")));
            if (page["next_page_token"] is not { } token)
            {
                break;
            }

            Assert.Equal(5, page["total_size"]!.GetValue<int>());
            page = await ListAsync($"page_size=2&page_token={Uri.EscapeDataString(token.GetValue<string>())}");
        }

        Assert.Equal(["list-a", "list-b", "list-c", "list-d", "list-e"], seen);
    }

    [Fact]
    public async Task List_SortByDisplayNameDesc_ComesReversed()
    {
        var page = await ListAsync("sort_by=display_name%20desc");

        Assert.Equal(["list-e", "list-d", "list-c", "list-b", "list-a"], page["experiments"]!.AsArray().Select(e => e.Text("display_name")));
    }

    [Theory]
    [InlineData("""{"predicates":[{"operation":1,"key":"display_name","stringValue":"list-c"}]}""", "list-c")]
    [InlineData("""{"predicates":[{"operation":"NOT_EQUALS","key":"displayName","string_value":"list-c"}]}""", "list-a,list-b,list-d,list-e")]
    [InlineData("""{"predicates":[{"operation":"IN","key":"display_name","string_values":{"values":["list-a","list-e","other"]}}]}""", "list-a,list-e")]
    [InlineData("""{"predicates":[{"operation":9,"key":"name","string_value":"-b"}]}""", "list-b")]
    [InlineData("""{"predicates":[{"operation":"GREATER_THAN","key":"display_name","string_value":"list-c"}]}""", "list-d,list-e")]
    [InlineData("""{"predicates":[{"operation":"GREATER_THAN","key":"created_at","timestamp_value":"2000-01-01T00:00:00Z"},{"operation":"LESS_THAN_EQUALS","key":"display_name","string_value":"list-b"}]}""", "list-a,list-b")]
    [InlineData("""{"predicates":[{"operation":"EQUALS","key":"storage_state","string_value":"AVAILABLE"},{"operation":"IN","key":"display_name","string_values":{"values":["list-d"]}}]}""", "list-d")]
    public async Task List_Filter_KeepsTheMatchingItems(string filter, string expected)
    {
        var page = await ListAsync($"sort_by=display_name&filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(expected.Split(','), page["experiments"]!.AsArray().Select(e => e.Text("display_name")));
    }

    [Fact]
    public async Task List_NothingMatches_OmitsTheEmptyListAndZeroTotal()
    {
        var filter = Uri.EscapeDataString("""{"predicates":[{"operation":"LESS_THAN","key":"created_at","long_value":"946684800"}]}""");

        var page = await ListAsync($"filter={filter}");

        Assert.Empty(page);
    }

    [Theory]
    [InlineData("page_token=garbage", "page_token")]
    [InlineData("page_token=eyJyIjoicnVucyJ9", "page_token")]
    [InlineData("page_size=-1", "page_size")]
    [InlineData("page_size=ten", "page_size")]
    [InlineData("sort_by=colour", "sort_by")]
    [InlineData("sort_by=display_name%20sideways", "sort_by")]
    [InlineData("filter=%7Bnot%20json", "filter")]
    [InlineData("filter=%5B%5D", "filter")]
    [InlineData("filter=%7B%22predicates%22%3A%5B%7B%22operation%22%3A%22LIKE%22%2C%22key%22%3A%22display_name%22%2C%22string_value%22%3A%22x%22%7D%5D%7D", "filter")]
    [InlineData("filter=%7B%22predicates%22%3A%5B%7B%22operation%22%3A1%2C%22key%22%3A%22colour%22%2C%22string_value%22%3A%22x%22%7D%5D%7D", "filter")]
    [InlineData("filter=%7B%22predicates%22%3A%5B%7B%22operation%22%3A1%2C%22key%22%3A%22created_at%22%2C%22string_value%22%3A%22yesterday%22%7D%5D%7D", "filter")]
    [InlineData("filter=%7B%22predicates%22%3A%5B%7B%22operation%22%3A%22IN%22%2C%22key%22%3A%22display_name%22%2C%22string_value%22%3A%22x%22%7D%5D%7D", "filter")]
    [InlineData("filter=%7B%22predicate%22%3A%5B%5D%7D", "filter")]
    public async Task List_BadParameter_AnswersInvalidArgumentNamingIt(string query, string parameter)
    {
        var status = (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments?namespace={_ns}&{query}")).ShouldFailWith(400, 3);

        Assert.StartsWith(parameter, status.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TokenOfAnotherList_IsRefused()
    {
        var token = (await ListAsync("page_size=1"))["next_page_token"]!.GetValue<string>();

        (await _http.KfpGetAsync($"{KfpCalls.Api}/runs?namespace={_ns}&page_token={Uri.EscapeDataString(token)}")).ShouldFailWith(400, 3);
    }

    [Fact]
    public async Task List_PageSizeAboveTheMaximum_IsCappedAt200()
    {
        var page = await ListAsync("page_size=100000");

        Assert.Equal(5, page["experiments"]!.AsArray().Count);
        Assert.False(page.ContainsKey("next_page_token"));
    }

    [Fact]
    public async Task List_WithoutPageSize_AnswersTwentyAndATokenForTheRest()
    {
        var ns = await _http.CreateNamespaceAsync("kfp-paging");
        for (var i = 0; i < 21; i++)
        {
            (await _http.KfpPostAsync($"{KfpCalls.Api}/experiments", new JsonObject { ["display_name"] = $"e{i:00}", ["namespace"] = ns })).Ok();
        }

        var first = (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments?namespace={ns}")).Ok();
        var rest = (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments?namespace={ns}&pageToken={Uri.EscapeDataString(first.Text("next_page_token"))}")).Ok();

        Assert.Equal(20, first["experiments"]!.AsArray().Count);
        Assert.Equal(21, first["total_size"]!.GetValue<int>());
        Assert.Equal("e20", Assert.Single(rest["experiments"]!.AsArray()).Text("display_name"));
    }

    private async Task<JsonObject> ListAsync(string query) =>
        (await _http.KfpGetAsync($"{KfpCalls.Api}/experiments?namespace={_ns}&{query}")).Ok();
}
