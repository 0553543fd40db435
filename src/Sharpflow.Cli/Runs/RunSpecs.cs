using System.Text.Json;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Runs;

internal static class RunSpecs
{
    /// <summary>The run's spec, or null when it cannot be read as one (a run written by a newer server, say).</summary>
    public static RunSpec? GetSpecOrNull(this Resource run)
    {
        try
        {
            return run.GetSpec<RunSpec>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
