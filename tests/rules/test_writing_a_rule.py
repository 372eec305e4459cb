"""The README's "Writing a rule" builds a complete rule: this test builds exactly that module.

It is written from the README, registered with one line, and run through evaluate in every
format, check, --all-municipalities and the report, touching no other source file.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import statistics
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import member_figures
from beskplan.plan.goalfile import load_plan
from beskplan.rules import RULES
from tests.conftest import DATA, GOALS, ROOT


def _module_from_readme(folder: Path) -> ModuleType:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a rule", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert code is not None
    path = folder / "cluster_median.py"
    path.write_text(code.group(1), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("beskplan.rules.cluster_median", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def median_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    module = _module_from_readme(tmp_path)
    monkeypatch.setitem(RULES, module.NAME, module)  # the one registry line
    yield module
    sys.modules.pop("beskplan.rules.cluster_median", None)


@pytest.fixture
def goals(tmp_path: Path) -> Path:
    """Frederiksberg 2019 with goal D compared with the cluster's median instead of its mean."""
    folder = tmp_path / "goals"
    shutil.copytree(GOALS, folder)
    plan = folder / "frederiksberg-2019.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  - id: D")
    end = text.index("  - id: E")
    goal_d = text[start:end].replace("rule: cluster_mean", "rule: cluster_median")
    assert "cluster_median" in goal_d
    plan.write_text(text[:start] + goal_d + text[end:], encoding="utf-8")
    return folder


def test_the_module_declares_the_whole_contract(median_rule: ModuleType) -> None:
    from tests.rules.test_rules import contract

    assert [m for m in contract() if not hasattr(median_rule, m)] == []


def test_evaluate_in_every_format(median_rule: ModuleType, goals: Path, run: Any) -> None:
    base = ("evaluate", "frederiksberg-2019", "--goals", str(goals), "--data", str(DATA))
    doc = json.loads(run(*base, "--format", "json").stdout)
    d = next(g for g in doc["goals"] if g["id"] == "D")
    plan = load_plan("frederiksberg-2019", goals)
    goal = next(g for g in plan.goals if g.id == "D")
    figures = member_figures(plan, goal, Context.open(DATA), plan.period)
    others = [r.value for r in figures if r.area != "Frederiksberg" and r.value is not None]
    expected = Decimal(str(statistics.median(others)))  # computed here, not by the rule
    assert (d["rule"], Decimal(str(d["reference"])), d["status"]) == (
        "cluster_median",
        expected,
        "met" if Decimal(str(d["value"])) <= expected else "unmet",
    )
    assert d["reference_label"] == f"klyngemedian af {len(others)} øvrige"
    said = f"medianen af {len(others)} øvrige i klyngen ({str(expected).replace('.', ',')})"
    assert said in d["explanation"]
    for fmt in ("table", "csv", "markdown", "junit"):
        result = run(*base, "--format", fmt, "--lang", "en")
        assert result.exit_code == 0, (fmt, result.stderr)
        assert f"median of the {len(others)} other cluster members" in result.stdout, fmt


def test_check_all_municipalities_and_the_report(
    median_rule: ModuleType, goals: Path, run: Any, tmp_path: Path
) -> None:
    where = ("--goals", str(goals), "--data", str(DATA))
    check = run("check", "frederiksberg-2019", *where)
    assert check.exit_code == 0, check.stderr
    every = run(
        "evaluate", "frederiksberg-2019", *where, "--all-municipalities", "--format", "json"
    )
    assert every.exit_code == 0, every.stderr
    rows = {r["municipality"]: r for r in json.loads(every.stdout)["municipalities"]}
    assert "D" in rows["Furesø"]["national_instead"]  # no a-dagpenge cluster: national level
    gentofte = next(g for g in rows["Gentofte"]["goals"] if g["id"] == "D")
    assert gentofte["reference"] is not None  # Gentofte against its own cluster's median
    for fmt, name in (("html", "report.html"), ("markdown", "report.md")):
        out = tmp_path / name
        report = run("report", "frederiksberg-2019", *where, "--format", fmt, "--output", str(out))
        assert report.exit_code == 0, report.stderr
        assert "medianen af" in out.read_text(encoding="utf-8")
