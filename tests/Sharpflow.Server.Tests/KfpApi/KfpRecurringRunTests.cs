using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Recurring runs through the KFP API, and the JSON conventions of its answers (snake_case, int64 as strings, no defaults).</summary>
public sealed partial class KfpRecurringRunTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Create_PeriodicSchedule_AnswersInt64AsStringsSnakeCaseAndNoDefaults()
    {
        var created = (await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns", Body(KfpCalls.Unique("nightly"), new JsonObject
        {
            ["periodic_schedule"] = new JsonObject { ["interval_second"] = 3600, ["start_time"] = "2099-01-01T00:00:00Z" },
        }, maxConcurrency: "2"))).Ok();

        Assert.Equal(JsonValueKind.String, created["max_concurrency"]!.GetValueKind());
        Assert.Equal("2", created.Text("max_concurrency"));
        var periodic = created["trigger"]!["periodic_schedule"]!;
        Assert.Equal("3600", periodic.Text("interval_second"));
        Assert.Equal("2099-01-01T00:00:00Z", periodic.Text("start_time"));
        Assert.Equal("ENABLE", created.Text("mode"));
        Assert.Equal("ENABLED", created.Text("status"));
        Assert.Equal("default", created.Text("namespace"));
        Assert.False(created.ContainsKey("no_catchup"), "false is the default and is omitted");
        AssertProtoJson(created, "pipeline_spec");
        var fetched = (await _http.KfpGetAsync($"{KfpCalls.Api}/recurringruns/{created.Text("recurring_run_id")}")).Ok();
        Assert.Equal(created.Text("recurring_run_id"), fetched.Text("recurring_run_id"));
        Assert.Equal(created.Text("experiment_id"), fetched.Text("experiment_id"));
    }

    [Fact]
    public async Task DisableAndEnable_RecurringRun_SwitchModeAndStatus()
    {
        var id = (await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns", Body(KfpCalls.Unique("switch"), new JsonObject
        {
            ["cron_schedule"] = new JsonObject { ["cron"] = "0 0 9 ? * 2-6", ["start_time"] = "2099-01-01T00:00:00Z" },
        }, noCatchup: true))).Ok().Text("recurring_run_id");

        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns/{id}:disable")).Ok());
        var disabled = (await _http.KfpGetAsync($"{KfpCalls.Api}/recurringruns/{id}")).Ok();
        Assert.Equal("DISABLE", disabled.Text("mode"));
        Assert.Equal("DISABLED", disabled.Text("status"));
        Assert.True(disabled["no_catchup"]!.GetValue<bool>());
        Assert.Equal("0 0 9 ? * 2-6", disabled["trigger"]!["cron_schedule"].Text("cron"));

        Assert.Empty((await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns/{id}:enable")).Ok());
        Assert.Equal("ENABLED", (await _http.KfpGetAsync($"{KfpCalls.Api}/recurringruns/{id}")).Ok().Text("status"));
        var filter = Uri.EscapeDataString($$"""{"predicates":[{"operation":"EQUALS","key":"recurring_run_id","string_value":"{{id}}"}]}""");
        var listed = (await _http.KfpGetAsync($"{KfpCalls.Api}/recurringruns?filter={filter}")).Ok();
        Assert.Equal(id, Assert.Single(listed["recurringRuns"]!.AsArray()).Text("recurring_run_id"));
        Assert.Empty((await _http.KfpDeleteAsync($"{KfpCalls.Api}/recurringruns/{id}")).Ok());
        (await _http.KfpGetAsync($"{KfpCalls.Api}/recurringruns/{id}")).ShouldFailWith(404, 5);
    }

    [Fact]
    public async Task Create_DueSchedule_CreatesRunsThatNameTheRecurringRun()
    {
        var id = (await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns", Body(KfpCalls.Unique("due"), new JsonObject
        {
            ["periodic_schedule"] = new JsonObject { ["interval_second"] = "1" },
        }))).Ok().Text("recurring_run_id");
        var filter = Uri.EscapeDataString($$"""{"predicates":[{"operation":"EQUALS","key":"recurring_run_id","string_value":"{{id}}"}]}""");

        JsonNode? run = null;
        await Sharpflow.Testing.TestWait.UntilAsync(
            async () => (run = (await _http.KfpGetAsync($"{KfpCalls.Api}/runs?filter={filter}")).Ok()["runs"]?[0]) is not null,
            TimeSpan.FromSeconds(30),
            "a run of the recurring run");
        await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns/{id}:disable");

        Assert.Equal(id, run.Text("recurring_run_id"));
        Assert.Matches(KfpPipelineUploadTests.Rfc3339(), run.Text("scheduled_at"));
    }

    [Theory]
    [InlineData("""{"cron_schedule":{"cron":"every day"}}""", "1", "trigger.cron_schedule")]
    [InlineData("""{"periodic_schedule":{"interval_second":"soon"}}""", "1", "trigger.periodic_schedule.interval_second")]
    [InlineData("""{"periodic_schedule":{"interval_second":60}}""", "11", "max_concurrency")]
    [InlineData("""{}""", "1", "trigger")]
    public async Task Create_BadScheduleOrConcurrency_AnswersInvalidArgumentNamingTheField(string trigger, string maxConcurrency, string field)
    {
        var status = (await _http.KfpPostAsync($"{KfpCalls.Api}/recurringruns", Body("bad", JsonNode.Parse(trigger)!.AsObject(), maxConcurrency))).ShouldFailWith(400, 3);

        Assert.Contains(field, status.Text("message"), StringComparison.Ordinal);
    }

    private static JsonObject Body(string displayName, JsonObject trigger, string maxConcurrency = "1", bool noCatchup = false) => new()
    {
        ["display_name"] = displayName,
        ["pipeline_spec"] = KfpPipelines.Shell("scheduled", "true"),
        ["trigger"] = trigger,
        ["max_concurrency"] = maxConcurrency,
        ["mode"] = "ENABLE",
        ["no_catchup"] = noCatchup,
    };

    /// <summary>Proto JSON as grpc-gateway writes it: snake_case keys, no nulls, no empty strings (outside the opaque pipeline spec).</summary>
    private static void AssertProtoJson(JsonObject json, params string[] opaque)
    {
        foreach (var (key, value) in json)
        {
            Assert.Matches(SnakeCase(), key);
            Assert.NotNull(value);
            Assert.False(value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0, $"{key} is empty");
            if (value is JsonObject child && !opaque.Contains(key))
            {
                AssertProtoJson(child, opaque);
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
