using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;

namespace Sharpflow.Pipelines.Engine;

/// <summary>The run spec's lifecycle fields, read without deserializing the (large) inline pipeline on every reconcile.</summary>
internal static class RunSpecFields
{
    public static bool Terminate(Resource run) =>
        run.Spec?["terminate"] is JsonValue value && value.TryGetValue<bool>(out var terminate) && terminate;

    public static int Retry(Resource run) =>
        run.Spec?["retry"] is JsonValue value && value.TryGetValue<int>(out var retry) ? retry : 0;
}
