using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// The STRUCT a <c>TASK_FINAL_STATUS</c> input receives (<c>PipelineTaskFinalStatus</c>, camelCase as the
/// kfp SDK reads it): <c>{state, pipelineJobResourceName, pipelineTaskName, error: {code, message}}</c>.
/// </summary>
internal static class TaskFinalStatusValue
{
    /// <param name="state">An execution state as KFP names it: COMPLETE, FAILED, CACHED or CANCELED.</param>
    public static JsonObject Create(string state, string pipelineJobResourceName, string pipelineTaskName, int errorCode = 0, string? errorMessage = null)
    {
        var error = new JsonObject();
        if (errorCode != 0)
        {
            error["code"] = errorCode;
        }

        if (!string.IsNullOrEmpty(errorMessage))
        {
            error["message"] = errorMessage;
        }

        return new JsonObject
        {
            ["state"] = state,
            ["pipelineJobResourceName"] = pipelineJobResourceName,
            ["pipelineTaskName"] = pipelineTaskName,
            ["error"] = error,
        };
    }
}
