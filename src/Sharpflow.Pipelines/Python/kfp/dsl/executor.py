"""Runs one component function against an ExecutorInput.

Arguments come from the function's annotations: parameters from
`inputs.parameterValues`, `Input[T]`/`Output[T]` artifacts from
`inputs.artifacts`/`outputs.artifacts`, paths for `InputPath`/`OutputPath`,
and `PipelineTaskFinalStatus` from its STRUCT parameter. The return value
goes to the output parameter `Output` (or to the NamedTuple's fields).

Results are written as upstream's executor writes them: an ExecutorOutput
JSON at `outputs.outputFile` with `parameterValues` and `artifacts` (name,
uri and metadata, e.g. logged metrics). Each returned parameter is also
written to its own `outputs.parameters[name].outputFile`, so an engine that
reads only those files sees the same values.
"""

import inspect
import json
import os
import typing
from typing import Any, Callable, Dict, Optional

from kfp.dsl import task_final_status
from kfp.dsl.types import artifact_types
from kfp.dsl.types import type_annotations as ta

SINGLE_OUTPUT_NAME = 'Output'


class Executor:
    """Executes a Python function component."""

    def __init__(self, executor_input: Dict, function_to_execute: Callable):
        self.func = getattr(function_to_execute, 'python_func',
                            function_to_execute)
        self.executor_input = executor_input
        self.inputs = executor_input.get('inputs') or {}
        self.outputs = executor_input.get('outputs') or {}
        self.executor_output_path = self.outputs.get('outputFile')
        if self.executor_output_path:
            artifact_types.CONTAINER_TASK_ROOT = os.path.dirname(
                self.executor_output_path)
        self.annotations = _annotations(self.func)
        self.input_artifacts: Dict[str, Any] = {}
        self.output_artifacts: Dict[str, artifact_types.Artifact] = {}
        self.parameter_values: Dict[str, Any] = {}
        self._load_artifacts()

    def _load_artifacts(self) -> None:
        for name, entry in (self.inputs.get('artifacts') or {}).items():
            runtime_artifacts = (entry or {}).get('artifacts') or []
            if not runtime_artifacts:
                continue
            annotation = ta.strip_io_marker(
                ta.strip_optional(self.annotations.get(name)))
            item_class = ta.list_item_artifact_class(annotation)
            if item_class is not None:
                self.input_artifacts[name] = [
                    make_artifact(a, item_class) for a in runtime_artifacts
                ]
            else:
                self.input_artifacts[name] = make_artifact(
                    runtime_artifacts[0], _fallback_class(annotation))
        for name, entry in (self.outputs.get('artifacts') or {}).items():
            runtime_artifacts = (entry or {}).get('artifacts') or []
            if not runtime_artifacts:
                continue
            annotation = ta.strip_io_marker(
                ta.strip_optional(self.annotations.get(name)))
            artifact = make_artifact(runtime_artifacts[0],
                                     _fallback_class(annotation))
            _make_parent_directory(artifact.path)
            self.output_artifacts[name] = artifact

    def execute(self) -> Optional[str]:
        """Calls the function and writes its outputs; returns the ExecutorOutput path."""
        kwargs = {}
        for name, annotation in self.annotations.items():
            if name == 'return':
                continue
            found, value = self._argument(name, ta.strip_optional(annotation))
            if found:
                kwargs[name] = value
        result = self.func(**kwargs)
        return self._write_outputs(result)

    def _argument(self, name: str, annotation: Any):
        """(True, value) for an argument to pass, (False, None) to leave it out
        so that the function's default applies."""
        if annotation is task_final_status.PipelineTaskFinalStatus:
            return True, task_final_status.PipelineTaskFinalStatus.from_struct(
                self._parameter(name))
        marker = ta.io_marker(annotation)
        if marker is ta.InputAnnotation:
            return True, self.input_artifacts.get(name)
        if marker is ta.OutputAnnotation:
            return True, self.output_artifacts.get(name)
        if ta.is_artifact_class(annotation) or ta.list_item_artifact_class(
                annotation):
            return True, self.input_artifacts.get(name)
        if isinstance(annotation, ta.OutputPath):
            if annotation.is_parameter():
                return True, self._output_parameter_path(name)
            return True, self._artifact_path(self.output_artifacts, name)
        if isinstance(annotation, ta.InputPath):
            return True, self._artifact_path(self.input_artifacts, name)
        if ta.parameter_type(annotation) is not None:
            value = self._parameter(name)
            if value is None:
                return False, None
            return True, _coerce(value, annotation)
        return False, None

    def _parameter(self, name: str) -> Any:
        return (self.inputs.get('parameterValues') or {}).get(name)

    def _output_parameter_path(self, name: str) -> Optional[str]:
        path = ((self.outputs.get('parameters') or {}).get(name)
                or {}).get('outputFile')
        if path:
            _make_parent_directory(path)
        return path

    @staticmethod
    def _artifact_path(artifacts: Dict[str, Any], name: str) -> str:
        artifact = artifacts.get(name)
        if artifact is None:
            raise ValueError(f'No artifact named {name!r} in the executor input.')
        return artifact.path

    def _write_outputs(self, result: Any) -> Optional[str]:
        returns = self.annotations.get('return', inspect.Signature.empty)
        if result is not None:
            if _is_named_tuple(returns):
                if len(result) != len(returns._fields):
                    raise RuntimeError(
                        f'Expected {len(returns._fields)} return values from '
                        f'function `{self.func.__name__}`, got {len(result)}')
                field_types = getattr(returns, '__annotations__', {})
                for index, field in enumerate(returns._fields):
                    value = (result[index] if type(result) is tuple else
                             getattr(result, field))
                    self._write_return_value(field, field_types.get(field),
                                             value)
            elif (ta.parameter_type(returns) is not None or
                  ta.is_artifact_class(returns)):
                self._write_return_value(SINGLE_OUTPUT_NAME, returns, result)
            else:
                raise RuntimeError(
                    f'Unknown return type: {returns}. Must be a parameter type '
                    '(str, int, float, bool, list, dict), an artifact class, or '
                    'a NamedTuple of these.')
        return self._write_executor_output()

    def _write_return_value(self, name: str, annotation: Any,
                            value: Any) -> None:
        if ta.parameter_type(annotation) is not None:
            _check_return_type(self.func, annotation, value)
            self.parameter_values[name] = value
            path = self._output_parameter_path(name)
            if path:
                with open(path, 'w') as f:
                    f.write(_parameter_text(value))
        elif ta.is_artifact_class(annotation):
            if isinstance(value, artifact_types.Artifact):
                self.output_artifacts[name] = value
            else:
                with open(self._artifact_path(self.output_artifacts, name),
                          'w') as f:
                    f.write(str(value))
        else:
            raise RuntimeError(f'Unknown return type for output {name!r}: '
                               f'{annotation}.')

    def _write_executor_output(self) -> Optional[str]:
        output: Dict[str, Any] = {}
        if self.parameter_values:
            output['parameterValues'] = self.parameter_values
        if self.output_artifacts:
            output['artifacts'] = {
                name: {'artifacts': [_runtime_artifact(artifact)]}
                for name, artifact in self.output_artifacts.items()
            }
        if not self.executor_output_path:
            return None
        _make_parent_directory(self.executor_output_path)
        with open(self.executor_output_path, 'w') as f:
            json.dump(output, f, default=_json_default)
        return self.executor_output_path


def make_artifact(runtime_artifact: Dict,
                  fallback_class: type = artifact_types.Artifact):
    """An artifact object for a RuntimeArtifact dict; the class comes from its
    schema title, or from the annotation when the title is not a known one."""
    schema_title = (runtime_artifact.get('type') or {}).get('schemaTitle', '')
    cls = artifact_types.SCHEMA_TITLE_TO_TYPE.get(schema_title, fallback_class)
    return cls(
        name=runtime_artifact.get('name', ''),
        uri=runtime_artifact.get('uri', ''),
        metadata=runtime_artifact.get('metadata') or {},
    )


def _fallback_class(annotation: Any) -> type:
    if ta.is_artifact_class(annotation):
        return annotation
    if isinstance(annotation, (ta.InputPath, ta.OutputPath)) and annotation.type:
        title = annotation.type.split('@', 1)[0]
        return artifact_types.SCHEMA_TITLE_TO_TYPE.get(title,
                                                       artifact_types.Artifact)
    return artifact_types.Artifact


def _runtime_artifact(artifact: artifact_types.Artifact) -> Dict[str, Any]:
    entry = {
        'name': artifact.name,
        'uri': artifact.uri,
        'metadata': artifact.metadata,
    }
    custom_path = getattr(artifact, 'custom_path', None)
    if custom_path:
        entry['custom_path'] = custom_path
    return entry


def _annotations(func: Callable) -> Dict[str, Any]:
    """The function's annotations, with string annotations evaluated."""
    annotations = dict(getattr(func, '__annotations__', {}))
    for name, annotation in annotations.items():
        if isinstance(annotation, str):
            try:
                annotations[name] = eval(annotation, func.__globals__)  # noqa: S307
            except Exception:  # leave it as a type name; parameter_type reads names
                pass
    return annotations


def _coerce(value: Any, annotation: Any) -> Any:
    """Numbers travel as protobuf doubles: give an `int` parameter (or the
    items of a `List[int]`) an int when the value is a whole float."""
    origin = typing.get_origin(annotation) or annotation
    if origin is int and isinstance(value, float) and value.is_integer():
        return int(value)
    if origin is list and isinstance(value, list):
        args = typing.get_args(annotation)
        if args:
            return [_coerce(item, args[0]) for item in value]
    return value


def _check_return_type(func: Callable, annotation: Any, value: Any) -> None:
    origin = typing.get_origin(annotation) or annotation
    if origin is typing.Literal:
        return
    accepted = (int, float) if origin is float else origin
    if not isinstance(value, accepted):
        raise ValueError(f'Function `{func.__name__}` returned value of type '
                         f'{type(value)}; want type {origin}')


def _parameter_text(value: Any) -> str:
    """The text of an output parameter file, as the engine parses it by type."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        return json.dumps(value, default=_json_default)
    return str(value)


def _json_default(value: Any) -> Any:
    """Lets numpy scalars and arrays in metadata serialize as JSON numbers/lists."""
    for attribute in ('tolist', 'item'):
        if hasattr(value, attribute):
            return getattr(value, attribute)()
    raise TypeError(f'{type(value).__name__} is not JSON serializable')


def _is_named_tuple(annotation: Any) -> bool:
    return (isinstance(annotation, type) and issubclass(annotation, tuple) and
            hasattr(annotation, '_fields'))


def _make_parent_directory(path: str) -> None:
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
