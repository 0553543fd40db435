using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Engine;

/// <summary>Kahn's algorithm over a DAG's tasks, keeping declaration order among tasks that are ready together.</summary>
internal static class TopologicalOrder
{
    public static IReadOnlyList<string> Of(DagSpec dag)
    {
        var names = dag.Tasks.Keys.ToList();
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        var downstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var upstream = dag.Tasks[name].UpstreamTasks().Where(dag.Tasks.ContainsKey).ToList();
            waiting[name] = upstream.Count;
            foreach (var up in upstream)
            {
                if (!downstream.TryGetValue(up, out var list))
                {
                    downstream[up] = list = [];
                }

                list.Add(name);
            }
        }

        var order = new List<string>(names.Count);
        var ready = new Queue<string>(names.Where(n => waiting[n] == 0));
        while (ready.Count > 0)
        {
            var name = ready.Dequeue();
            order.Add(name);
            foreach (var next in downstream.GetValueOrDefault(name) ?? [])
            {
                if (--waiting[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }

        // A cycle (rejected by validation) leaves tasks that never become ready; keep them so they are reported as stuck.
        order.AddRange(names.Where(n => !order.Contains(n)));
        return order;
    }
}
