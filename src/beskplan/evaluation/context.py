"""What evaluation reads from: the data directory's extracts and the two catalogues."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from beskplan.core.sources import SourceFile, describe
from beskplan.extracts import DataStore
from beskplan.plan.catalogue import (
    CLUSTERS_FILE,
    MEASURES_FILE,
    Clusters,
    ColumnSpec,
    Measures,
    Spec,
    load_clusters,
    load_measures,
)


@dataclass
class Context:
    """What evaluation reads from: the extracts and the two catalogues."""

    store: DataStore
    measures: Measures
    clusters: Clusters
    catalogues: tuple[SourceFile, ...] = ()

    @classmethod
    def open(
        cls, data_dir: Path, use_cache: bool = True, setting: str = "--data", note: str = ""
    ) -> Context:
        """The folder's extracts and catalogues; ``setting`` and ``note`` name what chose
        the folder in messages about it."""
        store = DataStore(data_dir, use_cache, setting, note)
        catalogues = tuple(
            describe(path, path.read_bytes(), None, path.name)
            for path in (data_dir / MEASURES_FILE, data_dir / CLUSTERS_FILE)
            if path.is_file()
        )
        return cls(store, load_measures(data_dir), load_clusters(data_dir), catalogues)

    def sources(self) -> tuple[SourceFile, ...]:
        return (*self.catalogues, *self.store.sources())


def columns(spec: Spec) -> list[ColumnSpec]:
    """The table columns a measure reads, a sum's parts in order."""
    if isinstance(spec, ColumnSpec):
        return [spec]
    return [c for part in spec.parts for c in columns(part)]
