"""Input/Output markers, InputPath/OutputPath, and how the executor reads annotations."""

import typing
from typing import Annotated, Any, List, Optional, TypeVar, Union

from kfp.dsl.types import artifact_types

_PARAMETER_TYPE_NAMES = {
    'str': 'STRING', 'string': 'STRING', 'text': 'STRING',
    'int': 'NUMBER_INTEGER', 'integer': 'NUMBER_INTEGER',
    'float': 'NUMBER_DOUBLE', 'double': 'NUMBER_DOUBLE',
    'bool': 'BOOLEAN', 'boolean': 'BOOLEAN',
    'list': 'LIST', 'jsonarray': 'LIST',
    'dict': 'STRUCT', 'jsonobject': 'STRUCT',
}


class InputAnnotation:
    """Marks `Input[T]`: an artifact the component reads."""


class OutputAnnotation:
    """Marks `Output[T]`: an artifact the component writes."""


T = TypeVar('T')
Input = Annotated[T, InputAnnotation]
Output = Annotated[T, OutputAnnotation]


class _PathAnnotation:

    def __init__(self, type=None):
        self.type = _type_name(type)

    def __eq__(self, other):
        return type(other) is type(self) and other.type == self.type

    def __hash__(self):
        return hash((type(self), self.type))

    def __repr__(self):
        return f'{type(self).__name__}({self.type!r})'

    def is_parameter(self) -> bool:
        """True for a parameter path (e.g. OutputPath(str)), False for an artifact."""
        return self.type is not None and parameter_type(self.type) is not None


class InputPath(_PathAnnotation):
    """The argument is the local path of an input artifact."""


class OutputPath(_PathAnnotation):
    """The argument is the local path where an output parameter or artifact goes."""


def _type_name(type_) -> Optional[str]:
    """`OutputPath(Model)` -> 'system.Model@0.0.1'; `OutputPath(int)` -> 'int';
    `OutputPath('Dataset')` -> 'system.Dataset@0.0.1'."""
    if type_ is None:
        return None
    if is_artifact_class(type_):
        return f'{type_.schema_title}@{type_.schema_version}'
    if isinstance(type_, str):
        for cls in artifact_types.SCHEMA_TITLE_TO_TYPE.values():
            if type_.lower() in (cls.__name__.lower(), cls.schema_title.lower()):
                return f'{cls.schema_title}@{cls.schema_version}'
        if parameter_type(type_) is not None or '@' in type_:
            return type_
        return 'system.Artifact@0.0.1'
    return getattr(type_, '__name__', str(type_))


def parameter_type(annotation: Any) -> Optional[str]:
    """The IR parameter type of an annotation (e.g. 'LIST'), or None if it
    is not a parameter. Accepts types, typing generics and type names."""
    if isinstance(annotation, str):
        name = annotation.split('[', 1)[0].rsplit('.', 1)[-1]
        return _PARAMETER_TYPE_NAMES.get(name.lower())
    origin = typing.get_origin(annotation) or annotation
    if origin is typing.Literal:
        return 'STRING'
    if isinstance(origin, type) and origin.__name__ in ('str', 'int', 'float',
                                                        'bool', 'list', 'dict'):
        return _PARAMETER_TYPE_NAMES[origin.__name__]
    return None


def strip_optional(annotation: Any) -> Any:
    """`Optional[X]` -> X; anything else unchanged."""
    if typing.get_origin(annotation) is Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def io_marker(annotation: Any) -> Optional[type]:
    """InputAnnotation or OutputAnnotation for `Input[T]`/`Output[T]`, else None."""
    for marker in getattr(annotation, '__metadata__', ()):
        if marker in (InputAnnotation, OutputAnnotation):
            return marker
    return None


def strip_io_marker(annotation: Any) -> Any:
    """`Input[T]` -> T."""
    return annotation.__origin__ if io_marker(annotation) else annotation


def is_artifact_class(obj: Any) -> bool:
    return isinstance(obj, type) and hasattr(obj, 'schema_title') and hasattr(
        obj, 'schema_version')


def list_item_artifact_class(annotation: Any) -> Optional[type]:
    """T for `List[T]`/`list[T]` where T is an artifact class, else None."""
    if typing.get_origin(annotation) not in (list, List):
        return None
    args = typing.get_args(annotation)
    if len(args) == 1 and is_artifact_class(args[0]):
        return args[0]
    return None
