"""The `kfp.dsl` names compiled components use at run time (see `kfp`)."""

from kfp.dsl.authoring import Collected
from kfp.dsl.authoring import ConcatPlaceholder
from kfp.dsl.authoring import Condition
from kfp.dsl.authoring import ContainerSpec
from kfp.dsl.authoring import Elif
from kfp.dsl.authoring import Else
from kfp.dsl.authoring import ExitHandler
from kfp.dsl.authoring import If
from kfp.dsl.authoring import IfPresentPlaceholder
from kfp.dsl.authoring import OneOf
from kfp.dsl.authoring import ParallelFor
from kfp.dsl.authoring import PipelineConfig
from kfp.dsl.authoring import PipelineTask
from kfp.dsl.authoring import UnsupportedInRuntimeError
from kfp.dsl.authoring import component
from kfp.dsl.authoring import container_component
from kfp.dsl.authoring import importer
from kfp.dsl.authoring import notebook_component
from kfp.dsl.authoring import pipeline
from kfp.dsl.task_final_status import PipelineTaskFinalStatus
from kfp.dsl.types.artifact_types import HTML
from kfp.dsl.types.artifact_types import Artifact
from kfp.dsl.types.artifact_types import ClassificationMetrics
from kfp.dsl.types.artifact_types import Dataset
from kfp.dsl.types.artifact_types import Markdown
from kfp.dsl.types.artifact_types import Metrics
from kfp.dsl.types.artifact_types import Model
from kfp.dsl.types.artifact_types import SlicedClassificationMetrics
from kfp.dsl.types.artifact_types import get_uri
from kfp.dsl.types.type_annotations import Input
from kfp.dsl.types.type_annotations import InputPath
from kfp.dsl.types.type_annotations import Output
from kfp.dsl.types.type_annotations import OutputPath

PIPELINE_JOB_NAME_PLACEHOLDER = '{{$.pipeline_job_name}}'
PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER = '{{$.pipeline_job_resource_name}}'
PIPELINE_JOB_ID_PLACEHOLDER = '{{$.pipeline_job_uuid}}'
PIPELINE_TASK_NAME_PLACEHOLDER = '{{$.pipeline_task_name}}'
PIPELINE_TASK_ID_PLACEHOLDER = '{{$.pipeline_task_uuid}}'
PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER = '{{$.outputs.output_file}}'
PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER = '{{$}}'
PIPELINE_ROOT_PLACEHOLDER = '{{$.pipeline_root}}'
PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER = '{{$.pipeline_job_create_time_utc}}'
PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER = '{{$.pipeline_job_schedule_time_utc}}'

# What `from kfp.dsl import *` brings into a component module.
__all__ = [
    'component', 'container_component', 'notebook_component', 'pipeline',
    'importer', 'Artifact', 'ClassificationMetrics', 'Dataset', 'HTML',
    'Markdown', 'Metrics', 'Model', 'SlicedClassificationMetrics', 'Input',
    'Output', 'InputPath', 'OutputPath', 'PipelineTaskFinalStatus',
    'PipelineTask', 'PipelineConfig', 'Collected', 'Condition', 'If', 'Elif',
    'Else', 'ExitHandler', 'OneOf', 'ParallelFor', 'ContainerSpec',
    'ConcatPlaceholder', 'IfPresentPlaceholder', 'get_uri',
    'PIPELINE_JOB_NAME_PLACEHOLDER', 'PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER',
    'PIPELINE_JOB_ID_PLACEHOLDER', 'PIPELINE_TASK_NAME_PLACEHOLDER',
    'PIPELINE_TASK_ID_PLACEHOLDER',
    'PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER',
    'PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER', 'PIPELINE_ROOT_PLACEHOLDER',
    'PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER',
    'PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER',
]
