"""The status an exit-handler task receives about the tasks it guards."""

import dataclasses
from typing import Optional


@dataclasses.dataclass
class PipelineTaskFinalStatus:
    """Final status of a pipeline task, filled from a TASK_FINAL_STATUS input.

    `state` is the execution state the engine reports, e.g. 'SUCCEEDED',
    'FAILED', 'COMPLETE' or 'CANCELED'; the error fields are None on success.
    """
    state: str
    pipeline_job_resource_name: str
    pipeline_task_name: str
    error_code: Optional[int]
    error_message: Optional[str]

    @classmethod
    def from_struct(cls, value: Optional[dict]) -> 'PipelineTaskFinalStatus':
        """Builds the status from the STRUCT parameter value.

        Both the camelCase names the backend sends and the snake_case names of
        older backends are accepted.
        """
        value = value or {}
        error = value.get('error') or {}
        return cls(
            state=value.get('state'),
            pipeline_job_resource_name=_first(value, 'pipelineJobResourceName',
                                              'pipeline_job_resource_name'),
            pipeline_task_name=_first(value, 'pipelineTaskName',
                                      'pipeline_task_name'),
            error_code=error.get('code'),
            error_message=error.get('message'),
        )


def _first(value: dict, *keys: str):
    for key in keys:
        if value.get(key) is not None:
            return value[key]
    return None
