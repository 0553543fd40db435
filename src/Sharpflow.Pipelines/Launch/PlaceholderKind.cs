namespace Sharpflow.Pipelines.Launch;

internal enum PlaceholderKind
{
    /// <summary><c>{{$}}</c>: the whole executor input as JSON.</summary>
    ExecutorInput,
    InputParameter,
    InputArtifact,
    OutputParameter,
    OutputArtifact,

    /// <summary><c>{{$.outputs.output_file}}</c> or <c>{{$.outputMetadataUri}}</c>: where the executor writes its ExecutorOutput.</summary>
    OutputMetadataFile,
    PipelineJobName,
    PipelineJobResourceName,
    PipelineJobUuid,
    PipelineJobCreateTime,
    PipelineJobScheduleTime,
    PipelineTaskName,
    PipelineTaskUuid,
    PipelineRoot,
    WorkspacePath,
}
