"""Sharpflow's `kfp` executor runtime for machines without the kfp package.

Compiled Kubeflow Pipelines components built from Python functions run
`python3 -m kfp.dsl.executor_main` after a `pip install kfp==...` prologue.
Offline or air-gapped machines cannot install kfp, so Sharpflow skips that
prologue and puts this package on PYTHONPATH instead. It covers what a
component needs at run time, using only the standard library:

* `kfp.dsl.executor_main` and `kfp.dsl.executor`: read the ExecutorInput,
  call the function, write the ExecutorOutput and output parameter files;
* the artifact types (`Artifact`, `Dataset`, `Model`, `Metrics`,
  `ClassificationMetrics`, `SlicedClassificationMetrics`, `HTML`,
  `Markdown`), `Input`, `Output`, `InputPath`, `OutputPath` and
  `PipelineTaskFinalStatus`;
* the pipeline-authoring names (`dsl.pipeline`, `dsl.ParallelFor`, ...) as
  inert definitions, so component modules import cleanly. Sharpflow does not
  compile pipelines in Python: using them raises an error saying so.

See docs/pipelines-python-runtime.md in the Sharpflow repository.
"""

# The kfp API level this runtime follows, marked as Sharpflow's own build.
__version__ = '2.14.3+sharpflow'

# Read by some component code; type checking happens at compile time upstream.
TYPE_CHECK = True

from kfp import dsl  # noqa: E402  (makes `import kfp; kfp.dsl.component` work)
