using System.Globalization;
using System.Text.Json.Nodes;

namespace Sharpflow.Bench.Pipelines;

/// <summary>The benchmark's pipelines, built in code in the IR the KFP compiler emits: every task runs <c>sh -c true</c>.</summary>
internal static class BenchPipelines
{
    /// <summary>step-000 → step-001 → … (each after the previous).</summary>
    public static JsonObject Sequential(int steps)
    {
        var tasks = new JsonObject();
        for (var i = 0; i < steps; i++)
        {
            var task = Task($"step-{i:D3}");
            if (i > 0)
            {
                task["dependentTasks"] = new JsonArray(JsonValue.Create($"step-{i - 1:D3}"));
            }

            tasks[$"step-{i:D3}"] = task;
        }

        return Pipeline("sequential", new JsonObject { ["dag"] = new JsonObject { ["tasks"] = tasks } }, []);
    }

    /// <summary>One ParallelFor over <paramref name="iterations"/> raw items with a parallelism limit; its body is one task.</summary>
    public static JsonObject ParallelFor(int iterations, int parallelism)
    {
        var items = "[" + string.Join(", ", Enumerable.Range(0, iterations).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
        var loop = new JsonObject
        {
            ["taskInfo"] = new JsonObject { ["name"] = "for-loop-1" },
            ["componentRef"] = new JsonObject { ["name"] = "comp-for-loop-1" },
            ["parameterIterator"] = new JsonObject
            {
                ["itemInput"] = "pipelinechannel--loop-item-param-1",
                ["items"] = new JsonObject { ["raw"] = items },
            },
            ["iteratorPolicy"] = new JsonObject { ["parallelismLimit"] = parallelism },
        };
        var body = new JsonObject
        {
            ["inputDefinitions"] = new JsonObject
            {
                ["parameters"] = new JsonObject { ["pipelinechannel--loop-item-param-1"] = new JsonObject { ["parameterType"] = "NUMBER_INTEGER" } },
            },
            ["dag"] = new JsonObject { ["tasks"] = new JsonObject { ["step"] = Task("step") } },
        };
        return Pipeline(
            "parallel-for",
            new JsonObject { ["dag"] = new JsonObject { ["tasks"] = new JsonObject { ["for-loop-1"] = loop } } },
            new Dictionary<string, JsonNode?> { ["comp-for-loop-1"] = body });
    }

    private static JsonObject Task(string name) => new()
    {
        ["taskInfo"] = new JsonObject { ["name"] = name },
        ["componentRef"] = new JsonObject { ["name"] = "comp-true" },
    };

    /// <summary>A Debian image: its <c>sh</c> is the host's (dash), as the baselines spawn it.</summary>
    public const string Image = "debian:12";

    private static JsonObject Pipeline(string name, JsonObject root, Dictionary<string, JsonNode?> components)
    {
        components["comp-true"] = new JsonObject { ["executorLabel"] = "exec-true" };
        return new JsonObject
        {
            ["pipelineInfo"] = new JsonObject { ["name"] = name },
            ["root"] = root,
            ["components"] = new JsonObject(components),
            ["deploymentSpec"] = new JsonObject
            {
                ["executors"] = new JsonObject
                {
                    ["exec-true"] = new JsonObject
                    {
                        ["container"] = new JsonObject
                        {
                            ["image"] = BenchPipelines.Image,
                            ["command"] = new JsonArray("sh", "-c", "true"),
                        },
                    },
                },
            },
            ["schemaVersion"] = "2.1.0",
        };
    }
}
