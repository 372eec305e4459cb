"""The data directory's two optional catalogues: ``measures.yaml`` and ``clusters.yaml``.

``measures.yaml`` names measures so that goal files can say ``measure:
adagpenge_pct_arbejdsstyrke`` and inherit its ``better``. ``clusters.yaml``
lists STAR's clusters of comparable municipalities (or a plan's own comparison
group) per benefit group, each version with the date it is valid from.
Both are optional: a plan with inline measures and clusters runs on any
directory of extracts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from beskplan.core.errors import InputError, MeasureError, NoMembersYet, UnknownCluster, closest
from beskplan.core.periods import Period
from beskplan.core.yamlfile import Located, read_yaml
from beskplan.plan.schema import (
    Catalogue,
    CatalogueEntry,
    ClusterFile,
    ClusterVersion,
    ColumnMeasure,
    MeasureRef,
    MinisterGoals,
    SumMeasure,
)
from beskplan.plan.validation import validate

MEASURES_FILE = "measures.yaml"
CLUSTERS_FILE = "clusters.yaml"
MINISTER_FILE = "ministermaal.yaml"


@dataclass(frozen=True)
class ColumnSpec:
    table: str
    column: str
    where: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SumSpec:
    parts: tuple[ColumnSpec | SumSpec, ...]


Spec = ColumnSpec | SumSpec


@dataclass(frozen=True)
class Measure:
    """A measure resolved from the catalogue or written inline in a goal."""

    spec: Spec
    label: str
    better: str | None = None
    unit: str | None = None


MAX_PARTS = 200  # the columns a measure may add up, through sums of sums


@dataclass
class Measures:
    entries: dict[str, CatalogueEntry] = field(default_factory=dict)
    # a named measure once resolved, since every goal at every period asks again
    _named: dict[str, Measure] = field(default_factory=dict)

    def resolve(self, ref: MeasureRef, depth: int = 0, parts: list[int] | None = None) -> Measure:
        """The measure ``ref`` names or writes; sums are bounded in depth and in columns, so
        that a small catalogue whose sums fan out cannot run for minutes."""
        if depth == 0 and isinstance(ref, str):
            if ref not in self._named:
                self._named[ref] = self._resolve(ref, 0, None)
            return self._named[ref]
        return self._resolve(ref, depth, parts)

    def _resolve(self, ref: MeasureRef, depth: int, parts: list[int] | None) -> Measure:
        parts = [0] if parts is None else parts
        if depth > 10:
            raise MeasureError("measures refer to each other in a circle")
        if isinstance(ref, str):
            entry = self.entries.get(ref)
            if entry is None:
                hint = closest(ref, list(self.entries))
                known = ", ".join(sorted(self.entries)) or f"none: there is no {MEASURES_FILE}"
                listing = (
                    f"did you mean '{hint}'?" if hint else f"measures in the catalogue: {known}."
                )
                raise MeasureError(
                    f"unknown measure '{ref}'; {listing} Or write the measure inline: "
                    "{table: ..., column: ...}"
                )
            if entry.sum is not None:
                inner = self._sum(entry.sum, depth, parts)
            else:
                assert entry.table is not None and entry.column is not None
                inner = self.resolve(
                    ColumnMeasure(table=entry.table, column=entry.column, where=entry.where),
                    depth + 1,
                    parts,
                )
            return Measure(
                inner.spec, entry.title or inner.label, entry.better, entry.unit or inner.unit
            )
        if isinstance(ref, SumMeasure):
            return self._sum(ref.sum, depth, parts)
        parts[0] += 1
        if parts[0] > MAX_PARTS:
            raise MeasureError(
                f"the measure adds up more than {MAX_PARTS} columns through its sums; "
                "a measure is the sum of a few columns"
            )
        where = tuple(sorted(ref.where.items()))
        label = ref.column + "".join(f", {v}" for _, v in where) + f" ({ref.table})"
        return Measure(ColumnSpec(ref.table, ref.column, where), label, unit=_unit(ref.column))

    def _sum(self, refs: Sequence[MeasureRef], depth: int, counted: list[int]) -> Measure:
        parts = [self.resolve(r, depth + 1, counted) for r in refs]
        units = {p.unit for p in parts}
        return Measure(
            SumSpec(tuple(p.spec for p in parts)),
            " + ".join(p.label for p in parts),
            unit=units.pop() if len(units) == 1 else None,
        )


def _unit(column: str) -> str | None:
    text = column.casefold()
    return "pct." if "pct" in text or "%" in text or "andel" in text else None


@dataclass
class Clusters:
    versions: dict[str, list[ClusterVersion]] = field(default_factory=dict)
    _holders: dict[tuple[object, str], dict[str, str]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _members: dict[tuple[str, Period], tuple[str, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def holders(self, benefit: object, period: Period) -> dict[str, str]:
        """Municipality key -> the first cluster, by name, of ``benefit`` that holds it
        at ``period`` (clusters with no member list valid then hold none)."""
        from beskplan.core.areas import area_key

        ident = (benefit, period.code)
        if ident not in self._holders:
            found: dict[str, str] = {}
            for name, versions in sorted(self.versions.items()):
                if versions[0].benefit != benefit:
                    continue
                try:
                    members = self.members(name, period)
                except MeasureError:
                    continue
                for member in members:
                    found.setdefault(area_key(member), name)
            self._holders[ident] = found
        return self._holders[ident]

    def members(self, name: str, period: Period) -> list[str]:
        """The member list of ``name`` valid at the end of ``period``."""
        found = self._members.get((name, period))
        if found is None:
            found = self._members[(name, period)] = tuple(self._valid(name, period))
        return list(found)

    def _valid(self, name: str, period: Period) -> Sequence[str]:
        versions = self.versions.get(name)
        if versions is None:
            raise UnknownCluster(name)
        # a list applies by the period's end: a moving year ending June 2020 uses the list
        # valid on 2020-06-30, though the year began in July 2019
        after = period.last_month + 1
        end = dt.date(after // 12, after % 12 + 1, 1)
        valid = [v for v in versions if v.valid_from < end]
        if not valid:
            first = min(v.valid_from for v in versions)
            raise NoMembersYet(
                f"cluster '{name}' has no member list valid at the end of {period} "
                f"(the first is valid from {first})",
                first,
            )
        return max(valid, key=lambda v: v.valid_from).members


M = TypeVar("M", bound=BaseModel)


def _load(path: Path, model: type[M]) -> tuple[M, Located] | None:
    """A catalogue file validated as ``model``, or ``None`` when the file is absent."""
    if not path.exists():
        return None
    source = read_yaml(path)
    loaded, problems = validate(model, source.data, source)
    if problems or loaded is None:
        raise InputError(problems)
    return loaded, source


def load_measures(data_dir: Path) -> Measures:
    found = _load(data_dir / MEASURES_FILE, Catalogue)
    return Measures(dict(found[0].measures)) if found else Measures()


def load_clusters(data_dir: Path) -> Clusters:
    found = _load(data_dir / CLUSTERS_FILE, ClusterFile)
    if found is None:
        return Clusters()
    model, source = found
    versions: dict[str, list[ClusterVersion]] = {}
    for index, version in enumerate(model.clusters):
        same = versions.setdefault(version.name, [])
        if any(v.valid_from == version.valid_from for v in same):
            raise InputError(
                source.problem(
                    ("clusters", index, "valid_from"),
                    f"cluster '{version.name}' has two member lists "
                    f"valid from {version.valid_from}",
                )
            )
        twice = repeated(version.members)
        if twice:
            raise InputError(
                source.problem(("clusters", index, "members"), f"cluster '{version.name}' {twice}")
            )
        same.append(version)
    return Clusters(versions)


def repeated(members: Sequence[str]) -> str | None:
    """How a member list names a municipality twice (``Aarhus`` and ``aarhus kommune``), or
    ``None``: a member counted twice would weigh twice in a mean."""
    from beskplan.core.areas import area_key

    seen: dict[str, str] = {}
    for member in members:
        key = area_key(member)
        if key in seen:
            first = seen[key]
            same = f"'{first}'" + (f" and '{member}'" if member != first else " twice")
            return f"lists {same}; list each member once"
        seen[key] = member
    return None


def load_ministermaal(data_dir: Path) -> dict[int, dict[int, str]]:
    """The minister's goals per year; empty when the data directory has none."""
    found = _load(data_dir / MINISTER_FILE, MinisterGoals)
    if found is None:
        return {}
    return {year: dict(goals) for year, goals in found[0].years.items()}
