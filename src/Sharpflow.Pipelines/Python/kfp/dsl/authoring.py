"""Pipeline-authoring names, defined so component modules import cleanly.

Sharpflow runs compiled pipelines; it does not compile them in Python. A
module may still define pipelines next to its components, so the decorators
accept their arguments and return the function, and using what they return
(or any of the control-flow classes) raises UnsupportedInRuntimeError.
"""

import functools


class UnsupportedInRuntimeError(RuntimeError):
    """Raised when pipeline-authoring code runs inside the executor runtime."""


def _unsupported(what: str) -> UnsupportedInRuntimeError:
    return UnsupportedInRuntimeError(
        f'{what} is not available in Sharpflow\'s kfp executor runtime, which '
        'only runs compiled components. Compile pipelines with the kfp SDK '
        'and submit the YAML.')


def component(func=None, **_options):
    """`@dsl.component` and `@dsl.component(base_image=..., ...)`: the options
    (base_image, packages_to_install, ...) are accepted and ignored, and the
    function is returned unchanged so it can be called directly."""
    if func is None:
        return functools.partial(component, **_options)
    func.python_func = func
    return func


def _inert_decorator(name: str):

    def decorator(func=None, **_options):
        if func is None:
            return functools.partial(decorator, **_options)

        @functools.wraps(func)
        def unsupported(*_args, **_kwargs):
            raise _unsupported(f'dsl.{name}')

        return unsupported

    decorator.__name__ = name
    return decorator


pipeline = _inert_decorator('pipeline')
container_component = _inert_decorator('container_component')
notebook_component = _inert_decorator('notebook_component')


def importer(*_args, **_kwargs):
    raise _unsupported('dsl.importer')


class _Inert:
    """Base of the control-flow and placeholder classes: constructing one raises."""

    def __init__(self, *_args, **_kwargs):
        raise _unsupported(f'dsl.{type(self).__name__}')


class ParallelFor(_Inert):
    pass


class Condition(_Inert):
    pass


class If(_Inert):
    pass


class Elif(_Inert):
    pass


class Else(_Inert):
    pass


class ExitHandler(_Inert):
    pass


class OneOf(_Inert):
    pass


class Collected(_Inert):
    pass


class PipelineTask(_Inert):
    pass


class PipelineConfig(_Inert):
    pass


class ContainerSpec(_Inert):
    pass


class ConcatPlaceholder(_Inert):
    pass


class IfPresentPlaceholder(_Inert):
    pass
