"""The small API the command line, the tests and Python users call.

Open a project (a goals folder and a data folder; the bundled ones by default, or
those the project file and the environment choose with :meth:`Project.find`),
load plans, and evaluate: one plan, every municipality, a range of periods; diff
two plans or two saved evaluations; check; the overview; the committee's report.
Every period a caller gives goes through :func:`beskplan.core.periods.parse_choice`
and :func:`beskplan.evaluation.evaluate.evaluate_plan`, the one place ``latest`` and
``newest`` are resolved. Errors in the input are :class:`~beskplan.core.errors.InputError`.

    from beskplan.api import Project

    project = Project.open()
    report = project.evaluate(project.plan("frederiksberg-2019"), "newest")

The project stage: :mod:`~beskplan.api.settings` (the project file and the folders it
chooses), :mod:`~beskplan.api.scaffold` (``init``), :mod:`~beskplan.api.bundled`. May
import: ``render`` and everything below it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from beskplan.api.bundled import bundled
from beskplan.api.settings import Folder
from beskplan.core.errors import InputError, Problem

if TYPE_CHECKING:
    from beskplan.core.periods import Choice
    from beskplan.evaluation.check import Checked
    from beskplan.evaluation.context import Context
    from beskplan.evaluation.diff import PlanDiff
    from beskplan.evaluation.nationwide import Applied, Timeline
    from beskplan.evaluation.overview import Overview
    from beskplan.evaluation.results import Report
    from beskplan.extracts.reading import Reading
    from beskplan.fetch.needs import Need
    from beskplan.plan.goalfile import Plan

Step = Callable[[], None]
Progress = Callable[[int], AbstractContextManager[Step]]  # total -> a context giving a step


@dataclass(frozen=True)
class Project:
    """The goal files and data one works on."""

    goals: Path = field(default_factory=lambda: bundled("goals"))
    data: Path = field(default_factory=lambda: bundled("data"))
    use_cache: bool = True
    # what chose each folder, for the messages that name it
    chosen: tuple[Folder, Folder] | None = None

    @classmethod
    def open(
        cls, goals: Path | None = None, data: Path | None = None, use_cache: bool = True
    ) -> Project:
        """The folders given, the bundled ones for those not given."""
        return cls(goals or bundled("goals"), data or bundled("data"), use_cache)

    @classmethod
    def find(
        cls,
        goals: Path | None = None,
        data: Path | None = None,
        use_cache: bool = True,
        start: Path | None = None,
        bundled_only: bool = False,
    ) -> Project:
        """The folders as the command line chooses them: the arguments, else
        ``BESKPLAN_GOALS``/``BESKPLAN_DATA``, else the nearest project file from ``start``
        (the working directory) upward, else the bundled ones (always with
        ``bundled_only``)."""
        from beskplan.api import settings

        if bundled_only:
            return cls(use_cache=use_cache)
        found = settings.find(start)
        goals_folder = settings.folder("goals", goals, found)
        data_folder = settings.folder("data", data, found)
        return cls(goals_folder.path, data_folder.path, use_cache, (goals_folder, data_folder))

    @property
    def _goals(self) -> Folder:
        return self.chosen[0] if self.chosen else Folder(self.goals, "--goals")

    @property
    def _data(self) -> Folder:
        return self.chosen[1] if self.chosen else Folder(self.data, "--data")

    @cached_property
    def context(self) -> Context:
        """The data folder's extracts and catalogues, read as goals ask for them."""
        from beskplan.evaluation.context import Context

        return Context.open(self.data, self.use_cache, self._data.setting, self._data.note)

    def plan(self, name: str) -> Plan:
        """A plan by id from the goals folder, or by the path of its ``.yaml`` file."""
        from beskplan.plan.goalfile import load_plan

        if not name.lower().endswith((".yaml", ".yml")):
            self._goals_there()
        return load_plan(name, self.goals, self._goals.note)

    def plans(self, names: Sequence[str] = ()) -> list[Plan]:
        """The plans named, or every plan in the goals folder."""
        from beskplan.plan.goalfile import load_plans

        if not names or any(not n.lower().endswith((".yaml", ".yml")) for n in names):
            self._goals_there()
        return load_plans(list(names), self.goals, self._goals.note)

    def needs(self, plans: Sequence[Plan]) -> dict[str, Need]:
        """What the plans read of each table (by lower-case id): what ``fetch`` asks for."""
        from beskplan.evaluation.needs import needs
        from beskplan.plan.catalogue import Measures, load_measures

        return needs(plans, load_measures(self.data) if self.data.is_dir() else Measures())

    def _goals_there(self) -> None:
        folder = self._goals
        if not folder.path.is_dir():
            missing = "does not exist" if not folder.path.exists() else "is not a folder"
            raise InputError(
                Problem(
                    f"the goals folder {missing}{folder.note}; point {folder.setting} at a "
                    "folder of goal files",
                    folder.path,
                )
            )

    def evaluate(self, plan: Plan, period: Choice = None, history: bool = False) -> Report:
        from beskplan.evaluation.evaluate import evaluate_plan

        return evaluate_plan(plan, self.context, period, history=history)

    def every_municipality(
        self, plan: Plan, period: Choice = None, progress: Progress | None = None
    ) -> list[Applied]:
        """The plan's goals for every municipality in the data, most goals met first."""
        from beskplan.evaluation.nationwide import apply_all, municipalities
        from beskplan.evaluation.timing import latest_period

        if period == "latest":  # the plan's municipality decides: every row at one period
            period = latest_period(plan, self.context)
        names = municipalities(plan, self.context)
        with _steps(progress, len(names)) as step:
            return apply_all(plan, self.context, period, step, names)

    def earlier(self, plan: Plan, report: Report, how: str) -> Report:
        """The plan at the period before ``report``'s (``how``: ``previous`` or
        ``year-ago``); under ``newest`` each goal beside its own period."""
        from beskplan.evaluation.compare import earlier

        return earlier(plan, report, self.context, how)

    def timeline(self, plan: Plan, span: str, progress: Progress | None = None) -> Timeline:
        """Each goal at each period its data publishes in ``FROM..TO``."""
        from beskplan.evaluation.nationwide import period_range, timeline

        periods = period_range(span)
        with _steps(progress, len(periods)) as step:
            return timeline(plan, self.context, periods, step)

    def diff(self, old: str, new: str, period: Choice = None) -> PlanDiff:
        """Two plans goal by goal, each evaluated (at ``period``, or each at its own)."""
        from beskplan.evaluation.diff import diff_plans

        old_plan, new_plan = self.version(old), self.version(new)
        found = diff_plans(
            old_plan,
            self.evaluate(old_plan, period),
            new_plan,
            self.evaluate(new_plan, period),
        )
        notes = tuple(
            f"{plan.path}: holds the plan '{plan.id}', compared as such"
            for plan in (old_plan, new_plan)
            if plan.path.suffix in (".yaml", ".yml") and plan.path.stem != plan.id
        )
        return replace(found, notes=notes) if notes else found

    def version(self, name: str) -> Plan:
        """A plan for ``diff``: by id, by the path of a goal file of any name (an old version
        saved beside it), or ``PLAN@REV``, its goal file at a revision of the git repository
        the goals folder is in (``randers-2026@HEAD~1``)."""
        from beskplan.api.revisions import at_revision, split
        from beskplan.plan.goalfile import load_plan, parse_plan

        at = split(name)
        if at is not None and not Path(name).exists():
            plan, rev = at
            return parse_plan(at_revision(self.goals, plan, rev), any_name=True)
        if name.lower().endswith((".yaml", ".yml")):
            return load_plan(name, self.goals, self._goals.note, any_name=True)
        return self.plan(name)

    def check(self, names: Sequence[str] = (), period: Choice = None) -> Checked:
        """Every problem and warning of the plans on this data."""
        from beskplan.evaluation.check import Checked, check_plan

        found = Checked()
        for plan in self.plans(names):
            each = check_plan(plan, self.context, period)
            found.problems.extend(each.problems)
            found.warnings.extend(each.warnings)
            found.plans += each.plans
            found.goals += each.goals
        return found

    def overview(self, names: Sequence[str] = (), progress: Progress | None = None) -> Overview:
        """Which ministerial goals each plan sets a goal for, and its share met."""
        from beskplan.evaluation.overview import build_overview
        from beskplan.plan.catalogue import load_ministermaal

        plans = self.plans(names)
        reports = []
        with _steps(progress, len(plans)) as step:
            for plan in plans:
                reports.append(self.evaluate(plan))
                step()
        return build_overview(plans, reports, load_ministermaal(self.data))

    def report(self, plan: Plan, period: Choice = None) -> tuple[Report, dict[str, list[Reading]]]:
        """The evaluation with every goal's history, and each cluster goal's member figures."""
        from beskplan.evaluation.evaluate import member_figures

        result = self.evaluate(plan, period, history=True)
        members = {
            goal.id: member_figures(plan, goal, self.context, done.asked_period)
            for goal, done in zip(plan.goals, result.goals, strict=True)
        }
        return result, members


def init(folder: Path, requirement: str | None = None) -> list[Path]:
    """A new project in ``folder``: ``beskplan.toml``, ``goals/`` and ``data/`` for the
    project's own, an example in ``eksempel/``, and a CI workflow that installs
    ``requirement`` (default: this beskplan, pinned); nothing is overwritten. The paths
    written."""
    from beskplan.api.scaffold import init as make

    return make(folder, requirement)


def diff_results(old: Path, new: Path) -> PlanDiff:
    """Two saved evaluations (``evaluate --format json``): what changed, and why."""
    from beskplan.evaluation.saved import diff_results as compare

    return compare(old, new)


def _steps(progress: Progress | None, total: int) -> AbstractContextManager[Step]:
    return progress(total) if progress is not None else _silent()


@contextmanager
def _silent() -> Iterator[Step]:
    yield lambda: None
