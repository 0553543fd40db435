"""Entry point: `python3 -m kfp.dsl.executor_main --component_module_path FILE
--executor_input JSON --function_to_execute NAME`.

Loads the component module, runs the function with Executor and exits 0. If
the function raises, Python prints the traceback on stderr and exits 1, which
is how the engine learns that the task failed (`sys.exit(n)` in a component
exits with n).
"""

import argparse
import importlib.util
import json
import logging
import os
import sys

from kfp.dsl import executor as component_executor


def load_module(path: str):
    """Imports the file at `path` as a module named after it, its directory on sys.path."""
    directory = os.path.dirname(os.path.abspath(path))
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f'Cannot load a Python module from {path}')
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    sys.path.insert(0, directory)
    spec.loader.exec_module(module)
    return module


def executor_main(argv=None) -> None:
    logging.basicConfig(
        stream=sys.stdout,
        format='[KFP Executor %(asctime)s %(levelname)s]: %(message)s',
        level=logging.INFO)
    parser = argparse.ArgumentParser(description='KFP component executor.')
    parser.add_argument('--component_module_path', type=str)
    parser.add_argument('--function_to_execute', type=str, required=True)
    parser.add_argument('--executor_input', type=str, required=True)
    args, _ = parser.parse_known_args(argv)

    if args.component_module_path is None:
        raise RuntimeError(
            'Sharpflow\'s kfp runtime needs --component_module_path: '
            'containerized components (target_image, kfp_config.ini) need '
            'the kfp package in their image.')

    logging.info('Loading component %r from %s', args.function_to_execute,
                 args.component_module_path)
    module = load_module(args.component_module_path)
    function = getattr(module, args.function_to_execute, None)
    if function is None:
        raise AttributeError(
            f'{args.component_module_path} defines no function '
            f'{args.function_to_execute!r}')
    executor_input = json.loads(args.executor_input)
    component_executor.Executor(executor_input, function).execute()


if __name__ == '__main__':
    executor_main()
