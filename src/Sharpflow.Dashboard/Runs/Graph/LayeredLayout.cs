using GraphShape;
using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>
/// Lays a DAG out top to bottom with GraphShape's Sugiyama (layered) algorithm: producers above consumers,
/// crossings reduced, long edges bent around the layers they cross. Tasks with no edge at all are set in the
/// top row to the right of the rest (GraphShape's own placement of isolated vertices can overlap the graph).
/// The result is moved so that every box lies inside the margin, ready to draw as SVG.
/// </summary>
internal static class LayeredLayout
{
    public static GraphLayout Compute(DagGraph dag, LayoutOptions options)
    {
        if (dag.Nodes.Count == 0)
        {
            return GraphLayout.Empty;
        }

        var linked = dag.Edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var edges = dag.Edges.Select(e => new Edge<string>(e.From, e.To)).ToList();
        var (boxes, routes) = linked.Count == 0 ? ([], new Dictionary<Edge<string>, LayoutPoint[]>()) : Sugiyama(dag, linked, edges, options);

        // Unlinked tasks: a row at the top, after the widest point of the layered part.
        var x = boxes.Count == 0 ? 0 : boxes.Max(b => b.X + b.Width) + options.NodeGap;
        var y = boxes.Count == 0 ? 0 : boxes.Min(b => b.Y);
        foreach (var node in dag.Nodes.Where(n => !linked.Contains(n.Key)))
        {
            boxes.Add(new NodeBox(node.Key, x, y, options.NodeWidth, options.NodeHeight));
            x += options.NodeWidth + options.NodeGap;
        }

        // Move everything into the margin, and keep the nodes in the DAG's order.
        var left = boxes.Min(b => b.X) - options.Margin;
        var top = boxes.Min(b => b.Y) - options.Margin;
        var order = dag.Nodes.Select((n, i) => (n.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var placed = boxes
            .Select(b => b with { X = b.X - left, Y = b.Y - top })
            .OrderBy(b => order[b.Key])
            .ToList();
        var byKey = placed.ToDictionary(b => b.Key, StringComparer.Ordinal);
        var lines = edges.Select(e => new EdgeLine(
            e.Source,
            e.Target,
            [
                byKey[e.Source].BottomCenter,
                .. (routes.TryGetValue(e, out var bends) ? bends : []).Select(p => new LayoutPoint(p.X - left, p.Y - top)),
                byKey[e.Target].TopCenter,
            ])).ToList();

        return new GraphLayout(
            placed.Max(b => b.X + b.Width) + options.Margin,
            placed.Max(b => b.Y + b.Height) + options.Margin,
            placed,
            lines);
    }

    private static (List<NodeBox> Boxes, Dictionary<Edge<string>, LayoutPoint[]> Routes) Sugiyama(
        DagGraph dag, HashSet<string> linked, List<Edge<string>> edges, LayoutOptions options)
    {
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(dag.Nodes.Select(n => n.Key).Where(linked.Contains));
        graph.AddEdgeRange(edges);

        var size = new Size(options.NodeWidth, options.NodeHeight);
        var parameters = new SugiyamaLayoutParameters
        {
            Direction = LayoutDirection.TopToBottom,
            LayerGap = options.LayerGap,
            SliceGap = options.NodeGap,
            EdgeRouting = SugiyamaEdgeRouting.Traditional,
        };
        var algorithm = new SugiyamaLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(
            graph, graph.Vertices.ToDictionary(v => v, _ => size), parameters);
        algorithm.Compute();

        // GraphShape gives centres; boxes are drawn from their top-left corner.
        var boxes = algorithm.VerticesPositions
            .Select(p => new NodeBox(p.Key, p.Value.X - (size.Width / 2), p.Value.Y - (size.Height / 2), size.Width, size.Height))
            .ToList();
        var routes = algorithm.EdgeRoutes.ToDictionary(r => r.Key, r => r.Value.Select(p => new LayoutPoint(p.X, p.Y)).ToArray());
        return (boxes, routes);
    }
}
