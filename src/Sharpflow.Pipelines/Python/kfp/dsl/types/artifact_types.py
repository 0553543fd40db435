"""Artifact classes: an artifact is a name, a URI, a local path and metadata.

A URI maps to a local path the way KFP containers see object storage:
`gs://b/k` is `/gcs/b/k`, `s3://b/k` is `/s3/b/k`, `minio://b/k` is
`/minio/b/k`, `file:///p` is `/p`, and a plain filesystem path is itself.
The environment variable SHARPFLOW_ARTIFACT_MOUNTS, a JSON object from URI
prefix to local directory (e.g. `{"minio://": "/data/artifacts/minio/"}`),
replaces those defaults so a local engine can keep KFP's URIs while the
files live under its data directory.
"""

import json
import os
from typing import Dict, List, Optional, Tuple, Type

_DEFAULT_MOUNTS = {
    'gs://': '/gcs/',
    's3://': '/s3/',
    'minio://': '/minio/',
}

# Directory of the executor output file, set by the executor; used by get_uri.
CONTAINER_TASK_ROOT: Optional[str] = None


def _mounts() -> List[Tuple[str, str]]:
    """URI prefix to local prefix pairs, longest URI prefix first."""
    mounts = dict(_DEFAULT_MOUNTS)
    configured = os.environ.get('SHARPFLOW_ARTIFACT_MOUNTS')
    if configured:
        mounts.update(json.loads(configured))
    return sorted(mounts.items(), key=lambda item: len(item[0]), reverse=True)


def uri_to_local_path(uri: str) -> str:
    """The local path a container reads and writes for an artifact URI."""
    for remote, local in _mounts():
        if uri.startswith(remote):
            return local + uri[len(remote):]
    if uri.startswith('file://'):
        return uri[len('file://'):]
    return uri


def local_path_to_uri(path: str) -> str:
    """The URI of an artifact written at a local path (inverse of the above)."""
    for remote, local in sorted(
            _mounts(), key=lambda item: len(item[1]), reverse=True):
        if path.startswith(local):
            return remote + path[len(local):]
    return path


class Artifact:
    """A generic machine learning artifact (schema `system.Artifact`)."""
    schema_title = 'system.Artifact'
    schema_version = '0.0.1'

    def __init__(self,
                 name: Optional[str] = None,
                 uri: Optional[str] = None,
                 metadata: Optional[Dict] = None) -> None:
        self.name = name or ''
        self.uri = uri or ''
        self.metadata = metadata or {}

    @property
    def path(self) -> str:
        return uri_to_local_path(self.uri)

    @path.setter
    def path(self, path: str) -> None:
        self.uri = local_path_to_uri(path)

    def __repr__(self) -> str:
        return (f'{type(self).__name__}(name={self.name!r}, uri={self.uri!r}, '
                f'metadata={self.metadata!r})')


class Model(Artifact):
    """A trained model; `framework` is kept in metadata."""
    schema_title = 'system.Model'

    @property
    def framework(self) -> str:
        return self.metadata.get('framework', '')

    @framework.setter
    def framework(self, framework: str) -> None:
        self.metadata['framework'] = framework


class Dataset(Artifact):
    """A dataset."""
    schema_title = 'system.Dataset'


class HTML(Artifact):
    """An HTML document; the content is the file at `path`."""
    schema_title = 'system.HTML'


class Markdown(Artifact):
    """A Markdown document; the content is the file at `path`."""
    schema_title = 'system.Markdown'


class Metrics(Artifact):
    """Scalar metrics, stored as `{name: number}` in metadata."""
    schema_title = 'system.Metrics'

    def log_metric(self, metric: str, value: float) -> None:
        self.metadata[metric] = value


class ClassificationMetrics(Artifact):
    """A confusion matrix and an ROC curve, stored in metadata.

    Metadata layout (as the KFP UI reads it): `confusionMatrix` is
    `{annotationSpecs: [{displayName}], rows: [{row: [...]}]}` and
    `confidenceMetrics` is a list of
    `{confidenceThreshold, recall, falsePositiveRate}`.
    """
    schema_title = 'system.ClassificationMetrics'

    def log_roc_data_point(self, fpr: float, tpr: float,
                           threshold: float) -> None:
        self.metadata.setdefault('confidenceMetrics', []).append({
            'confidenceThreshold': threshold,
            'recall': tpr,
            'falsePositiveRate': fpr,
        })

    def log_roc_curve(self, fpr: List[float], tpr: List[float],
                      threshold: List[float]) -> None:
        if not len(fpr) == len(tpr) == len(threshold):
            raise ValueError(
                'fpr, tpr and threshold must have the same length; got '
                f'{len(fpr)}, {len(tpr)} and {len(threshold)}.')
        for point in zip(fpr, tpr, threshold):
            self.log_roc_data_point(*point)

    def set_confusion_matrix_categories(self, categories: List[str]) -> None:
        self._categories = list(categories)
        self.metadata['confusionMatrix'] = {
            'annotationSpecs': [{'displayName': c} for c in self._categories],
            'rows': [{'row': [0] * len(self._categories)}
                     for _ in self._categories],
        }

    def log_confusion_matrix_row(self, row_category: str,
                                 row: List[float]) -> None:
        index = self._category_index(row_category)
        if len(row) != len(self._categories):
            raise ValueError(f'Invalid row: expected {len(self._categories)} '
                             f'values, got {len(row)}.')
        self.metadata['confusionMatrix']['rows'][index] = {'row': list(row)}

    def log_confusion_matrix_cell(self, row_category: str, col_category: str,
                                  value: int) -> None:
        row = self._category_index(row_category)
        column = self._category_index(col_category)
        self.metadata['confusionMatrix']['rows'][row]['row'][column] = value

    def log_confusion_matrix(self, categories: List[str],
                             matrix: List[List[int]]) -> None:
        self.set_confusion_matrix_categories(categories)
        if len(matrix) != len(categories) or any(
                len(row) != len(categories) for row in matrix):
            raise ValueError(f'Invalid matrix: {matrix} passed for categories: '
                             f'{categories}')
        for category, row in zip(categories, matrix):
            self.log_confusion_matrix_row(category, row)

    def _category_index(self, category: str) -> int:
        categories = getattr(self, '_categories', [])
        if category not in categories:
            raise ValueError(
                f'Invalid category: {category} passed. Expected one of: '
                f'{categories}')
        return categories.index(category)


class SlicedClassificationMetrics(Artifact):
    """Classification metrics per slice, stored as `evaluationSlices`."""
    schema_title = 'system.SlicedClassificationMetrics'

    def _slice(self, slice: str) -> ClassificationMetrics:
        slices = self.__dict__.setdefault('_slices', {})
        return slices.setdefault(slice, ClassificationMetrics())

    def _update_metadata(self) -> None:
        self.metadata['evaluationSlices'] = [{
            'slice': name,
            'sliceClassificationMetrics': metrics.metadata,
        } for name, metrics in self._slices.items()]

    def log_roc_reading(self, slice: str, threshold: float, tpr: float,
                        fpr: float) -> None:
        self._slice(slice).log_roc_data_point(fpr, tpr, threshold)
        self._update_metadata()

    def load_roc_readings(self, slice: str,
                          readings: List[List[float]]) -> None:
        """Readings are rows of (threshold, tpr, fpr)."""
        for threshold, tpr, fpr in readings:
            self._slice(slice).log_roc_data_point(fpr, tpr, threshold)
        self._update_metadata()

    def set_confusion_matrix_categories(self, slice: str,
                                        categories: List[str]) -> None:
        self._slice(slice).set_confusion_matrix_categories(categories)
        self._update_metadata()

    def log_confusion_matrix_row(self, slice: str, row_category: str,
                                 row: List[int]) -> None:
        self._slice(slice).log_confusion_matrix_row(row_category, row)
        self._update_metadata()

    def log_confusion_matrix_cell(self, slice: str, row_category: str,
                                  col_category: str, value: int) -> None:
        self._slice(slice).log_confusion_matrix_cell(row_category,
                                                     col_category, value)
        self._update_metadata()

    def load_confusion_matrix(self, slice: str, categories: List[str],
                              matrix: List[List[int]]) -> None:
        self._slice(slice).log_confusion_matrix(categories, matrix)
        self._update_metadata()


SCHEMA_TITLE_TO_TYPE: Dict[str, Type[Artifact]] = {
    cls.schema_title: cls for cls in (
        Artifact,
        Model,
        Dataset,
        Metrics,
        ClassificationMetrics,
        SlicedClassificationMetrics,
        HTML,
        Markdown,
    )
}


def get_uri(suffix: str = 'Output') -> str:
    """A URI under the current task's root, for artifacts a task names itself."""
    if CONTAINER_TASK_ROOT is None:
        raise RuntimeError(
            "'dsl.get_uri' can only be called while a component runs.")
    return os.path.join(local_path_to_uri(CONTAINER_TASK_ROOT), suffix)
