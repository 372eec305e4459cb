"""The data directory: which files make up a table, and which reader reads each.

A file belongs to a table when its name (case-insensitive, without its suffix)
is the table's id, or starts with the id followed by ``_``, ``-`` or a space:
``Y01A02.csv``, ``y01a02_2018.csv`` and ``Y01A02.json`` are all table Y01A02.
Own data (``tilfredshed.csv``) is found the same way by its own table name. The
suffixes read are those of :data:`beskplan.extracts.readers.READERS`; a file
of another kind named like a missing table is named in the error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import polars as pl

from beskplan.core.errors import InputError, MeasureError, Problem, closest
from beskplan.core.sources import SourceFile
from beskplan.extracts import cache, readers
from beskplan.extracts.cells import text_cell
from beskplan.extracts.layout import DECIMALS, Extract, label_key
from beskplan.extracts.locator import Locator
from beskplan.extracts.table import Table


class DataStore:
    """A directory of extracts, read table by table as goals ask for them."""

    def __init__(
        self, root: Path, use_cache: bool = True, setting: str = "--data", note: str = ""
    ) -> None:
        """``setting`` chose the folder and ``note`` says so after its name (see
        :class:`beskplan.api.settings.Folder`)."""
        if not root.exists():
            raise InputError(
                Problem(
                    f"the data directory does not exist{note}; point {setting} at a folder of "
                    "extracts",
                    root,
                )
            )
        if not root.is_dir():
            raise InputError(Problem(f"{setting} must be a directory of extracts", root))
        self.root = root
        self.note = note
        files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
        read = readers.suffixes()
        self._files = [p for p in files if p.suffix.lower() in read]
        self._unread = [p for p in files if p.suffix.lower() not in read]
        self._tables: dict[str, Table] = {}
        self._failed: dict[str, InputError] = {}
        self.use_cache = use_cache

    @property
    def table_names(self) -> list[str]:
        return sorted({re.split(r"[_\- ]", p.stem, maxsplit=1)[0] for p in self._files})

    def files_for(self, table_id: str) -> list[Path]:
        return named_files(self._files, table_id)

    def table(self, table_id: str) -> Table:
        key = table_id.casefold()
        if key in self._failed:  # a file's problem is said once, however many goals read it
            raise self._failed[key]
        if key not in self._tables:
            files = self.files_for(table_id)
            if not files:
                raise self._missing(table_id)
            self._tables[key] = self._read(table_id, files)
        return self._tables[key]

    def _read(self, table_id: str, files: list[Path]) -> Table:
        several = self.use_cache and len(files) > 1
        if several and (kept := cache.read_stacked(files, [self._name(p) for p in files])):
            return _stack(table_id, *kept)
        try:
            extracts = [cache.read(p, self._name(p), self.use_cache) for p in files]
        except InputError as exc:
            self._failed[table_id.casefold()] = exc
            raise
        table = _stack(table_id, extracts)
        if several:
            cache.keep_stacked(table_id, files, extracts, table.frame)
        return table

    def _missing(self, table_id: str) -> MeasureError:
        read = ", ".join(sorted(r.SUFFIXES[0] for r in readers.READERS))
        unread = named_files(self._unread, table_id)
        if unread:
            kinds = sorted({p.suffix.lower() or "(no suffix)" for p in unread})
            return MeasureError(
                f"no file for table {table_id} in {self.root}{self.note}; "
                f"{', '.join(p.name for p in unread)} {'is' if len(unread) == 1 else 'are'} "
                f"there but {', '.join(kinds)} {'is' if len(kinds) == 1 else 'are'} not read "
                f"(read: {read})"
            )
        hint = closest(table_id, self.table_names)
        return MeasureError(
            f"no file for table {table_id} in {self.root}{self.note}"
            + (f"; did you mean {hint}?" if hint else "")
            + f" (files are matched by name: {table_id}.csv or {table_id}_*.csv; read: {read})"
        )

    def _name(self, path: Path) -> str:
        return str(path.relative_to(self.root))

    def notices(self) -> list[str]:
        """What reading the tables so far changed in the data (repairs), one line each."""
        return [n for t in self._tables.values() for n in t.notices]

    def sources(self) -> list[SourceFile]:
        """Every file read so far, in name order."""
        found = {s.path: s for t in self._tables.values() for s in t.dated_sources()}
        return [found[k] for k in sorted(found)]


def _stack(table_id: str, extracts: list[Extract], stacked: pl.DataFrame | None = None) -> Table:
    """The table of ``extracts``: their frames stacked, or ``stacked``, the frame they
    made when they were last stacked (then their own frames are empty)."""
    dimensions: dict[str, str] = {}
    measures: dict[str, str] = {}
    frames: list[pl.DataFrame] = []
    notices: list[str] = []
    positions: dict[str, dict[str, int]] = {}
    raw_cells: dict[str, Callable[[int, int], str]] = {}
    locators: dict[str, Locator] = {}
    for extract in extracts:
        renames = {}
        for label in extract.dimensions:
            dimensions.setdefault(label_key(label), label)
            renames[label] = label_key(label)
        for label in extract.measures:
            measures.setdefault(label_key(label), label)
            renames[label] = label_key(label)
            renames[label + DECIMALS] = label_key(label) + DECIMALS
        if stacked is None:
            frames.append(extract.frame.rename(renames))
        if extract.raw_cell is not None:
            raw_cells[str(extract.path)] = extract.raw_cell
        positions[str(extract.path)] = {renames.get(k, k): v for k, v in extract.columns.items()}
        locators[str(extract.path)] = extract.locator
        notices.extend(f"{extract.path}: {n}" for n in extract.notices)
    for key in set(measures) & set(dimensions):
        # numbers in one file, text in another: the text is the mistake
        holder = next(e for e in extracts if key in {label_key(d) for d in e.dimensions})
        label = next(d for d in holder.dimensions if label_key(d) == key)
        raise text_cell(holder.frame, label, label, holder.place)
    frame = _stacked(frames) if stacked is None else stacked
    sources = [e.source for e in extracts if e.source is not None]
    return Table(
        table_id,
        [e.path for e in extracts],
        frame,
        dimensions,
        measures,
        notices,
        sources,
        positions,
        raw_cells,
        locators,
    )


def _stacked(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """The files' frames one under the other, each enumeration (area, period, category,
    file) widened to the values of them all."""
    if len(frames) == 1:
        return frames[0]
    schemas = [frame.schema for frame in frames]  # a schema is built anew at each access
    values: dict[str, set[str]] = {}
    for schema in schemas:
        for name, dtype in schema.items():
            if isinstance(dtype, pl.Enum):
                values.setdefault(name, set()).update(dtype.categories.to_list())
    enums = {name: pl.Enum(sorted(found)) for name, found in values.items()}
    widened = []
    for given, schema in zip(frames, schemas, strict=True):
        frame = given.clone()  # the columns are shared, not copied
        for name, enum in enums.items():
            if name in schema and schema[name] != enum:
                # a column cast in place: a query per frame costs more on small files
                column = frame.get_column(name).cast(enum)
                frame.replace_column(frame.get_column_index(name), column)
        widened.append(frame)
    return pl.concat(widened, how="diagonal_relaxed")


def named_files(files: list[Path], table_id: str) -> list[Path]:
    want = table_id.casefold()
    return [
        p
        for p in files
        if p.stem.casefold() == want
        or any(p.stem.casefold().startswith(want + sep) for sep in ("_", "-", " "))
    ]
