"""The CI workflow ``init`` writes runs as written: every step, in order, in a project made
by ``init`` that holds plans of its own, with beskplan installed from a wheel built here and
served as a package index serves it.

What GitHub gives a run is stood in for: ``actions/checkout`` (the project is there),
``actions/setup-python`` (a fresh virtual environment first on ``PATH``),
``actions/upload-artifact`` and the ``gh`` client (a folder of earlier runs' artifacts), the
job summary file and the secret (a local server answers for the API). Every ``run`` step is
run as GitHub runs it, with ``bash -eo pipefail``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_httpserver import HTTPServer

from beskplan import __version__
from beskplan.api.scaffold import WORKFLOW, init
from tests.conftest import ROOT

ARTIFACT = "beskplan-reports"

# ``gh api .../actions/artifacts?name=N`` answers with the newest run that kept N, and
# ``gh run download RUN --name N --dir D`` copies what it kept; from STORE/<run>/.
FAKE_GH = """#!{python}
import shutil, sys
from pathlib import Path

store = Path({store!r})
args = sys.argv[1:]
runs = sorted((int(p.name) for p in store.iterdir()), reverse=True) if store.is_dir() else []
if args[0] == "api":
    assert "name={artifact}" in args[1], args
    print(runs[0] if runs else "")
elif args[:2] == ["run", "download"]:
    run, name, folder = args[2], args[args.index("--name") + 1], args[args.index("--dir") + 1]
    assert name == "{artifact}", name
    assert args[args.index("--repo") + 1] == "roskilde/beskplan-planer", args
    shutil.copytree(store / run, folder, dirs_exist_ok=True)
else:
    sys.exit(f"gh: not stood in for: {{args}}")
"""


def _wheel_index(tmp_path: Path) -> Path:
    """A wheel of this checkout, in a folder laid out as a simple package index."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("beskplan-*.whl")
    assert wheel.name.startswith(f"beskplan-{__version__}-")
    served = tmp_path / "index" / "beskplan"
    served.mkdir(parents=True)
    shutil.copy(wheel, served)
    (served / "index.html").write_text(
        f'<!DOCTYPE html><html><body><a href="{wheel.name}">{wheel.name}</a></body></html>',
        encoding="utf-8",
    )
    return served.parent


def _own_plans(project: Path) -> None:
    """Two plans of the project's own in goals/, their table and cluster in data/ (the
    example's, under other ids), with the example left where init put it."""
    example = (project / "eksempel" / "goals" / "eksempel-2026.yaml").read_text(encoding="utf-8")
    for plan in ("roskilde-2026", "roskilde-2027"):
        text = example.replace("plan: eksempel-2026", f"plan: {plan}")
        (project / "goals" / f"{plan}.yaml").write_text(text, encoding="utf-8")
    for name in ("Y01A02.csv", "clusters.yaml"):
        shutil.copy(project / "eksempel" / "data" / name, project / "data" / name)


def _runner(folder: Path) -> Path:
    """A fresh environment, as setup-python gives, that sees this one's installed packages
    (the dependencies, and pip) but not beskplan itself: the folders of installed packages
    are added by a .pth file, and the .pth files inside them (an editable install's) are not
    read from there."""
    venv.create(folder, with_pip=False)
    found = subprocess.run(
        [
            str(folder / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    installed = [p for p in sys.path if p.endswith("site-packages")]
    (Path(found) / "beside.pth").write_text("\n".join(installed) + "\n", encoding="utf-8")
    return folder


def _condition(expression: str, env: dict[str, str]) -> bool:
    """The ``if:`` forms the workflow uses, and no other."""
    if expression == "always()":
        return True
    found = re.fullmatch(r"env\.(\w+) != ''", expression)
    assert found, f"the test does not know how to read: if: {expression}"
    return env.get(found.group(1), "") != ""


def test_the_workflow_runs_in_a_project_of_its_own_plans(
    tmp_path: Path, httpserver: HTTPServer, run: Any
) -> None:
    httpserver.expect_request("/v3/tables").respond_with_json([])
    project = tmp_path / "roskilde"
    init(project)
    _own_plans(project)
    index = _wheel_index(tmp_path)

    # an earlier run kept its reports: roskilde-2026's figures then were other than now
    store = tmp_path / "artifacts"
    earlier = tmp_path / "earlier-data"
    shutil.copytree(project / "data", earlier)
    csv = earlier / "Y01A02.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8").replace(
            "Roskilde;2025M06;960;2,3", "Roskilde;2025M06;800;1,0"
        ),
        encoding="utf-8",
    )
    (store / "1").mkdir(parents=True)
    kept = run(
        "evaluate",
        "roskilde-2026",
        "--goals",
        str(project / "goals"),
        "--data",
        str(earlier),
        "--period",
        "newest",
        "--format",
        "json",
        "--output",
        str(store / "1" / "{plan}.json"),
    )
    assert kept.exit_code == 0, kept.stderr

    tools = tmp_path / "tools"
    tools.mkdir()
    gh = tools / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable, store=str(store), artifact=ARTIFACT))
    gh.chmod(0o755)
    runner = _runner(tmp_path / "runner")
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")

    workflow = yaml.safe_load((project / WORKFLOW).read_text(encoding="utf-8"))
    job = workflow["jobs"]["goals"]
    env = {
        **os.environ,
        "PATH": f"{runner / 'bin'}{os.pathsep}{tools}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_REPOSITORY": "roskilde/beskplan-planer",
        # the secret, and the API it opens
        "JOBINDSATS_API_KEY": "a-key-for-the-local-server",
        "BESKPLAN_JOBINDSATS_URL": httpserver.url_for("/v3"),
        # pip asks the local index; the runner's environment already holds the dependencies
        "PIP_INDEX_URL": index.as_uri(),
        "PIP_NO_DEPS": "1",
        "PIP_IGNORE_INSTALLED": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("BESKPLAN_CACHE", None)
    assert set(job["env"]) == {"JOBINDSATS_API_KEY"}
    exits: list[tuple[str, int]] = []
    for step in job["steps"]:
        name = step.get("name") or step.get("uses") or step["run"]
        if "if" in step and not _condition(step["if"], env):
            exits.append((name, -1))
            continue
        uses = step.get("uses", "")
        if uses.startswith(("actions/checkout@", "actions/setup-python@")):
            continue  # the project is checked out; the runner's Python is first on PATH
        if uses.startswith("actions/upload-artifact@"):
            assert step["with"]["name"] == ARTIFACT
            shutil.copytree(project / step["with"]["path"], store / "2")
            continue
        assert not uses, f"the test does not stand in for {uses}"
        step_env = {k: v for k, v in step.get("env", {}).items() if "${{" not in v}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=project,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            check=False,
        )
        exits.append((name, done.returncode))
        if done.returncode != 0 and step is not job["steps"][-1]:
            pytest.fail(f"step {name!r} exited {done.returncode}: {done.stderr}{done.stdout}")

    # the install step put the wheel into the runner, and the steps ran it
    installed = subprocess.run(
        [str(runner / "bin" / "python"), "-c", "import beskplan; print(beskplan.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert installed.startswith(str(runner)), installed
    # the example plan's goals 1 and 2 are unmet on its figures: the last step fails the run
    assert exits[-1] == ("Fail while a goal is unmet", 1)
    reports = sorted(p.name for p in (project / "reports").iterdir())
    assert reports == [
        f"roskilde-{year}.{suffix}"
        for year in (2026, 2027)
        for suffix in ("html", "json", "md", "xml")
    ]
    assert sorted(p.name for p in (store / "2").iterdir()) == reports
    doc = json.loads((project / "reports" / "roskilde-2026.json").read_text(encoding="utf-8"))
    assert doc["newest"] == ["2025M06", "2025M06"]  # read at --period newest
    assert (
        (project / "reports" / "roskilde-2026.html")
        .read_text(encoding="utf-8")
        .startswith("<!DOCTYPE html>")
    )
    said = summary.read_text(encoding="utf-8")
    # both plans' Markdown, then what changed for the plan the earlier run kept
    assert said.count("## Beskæftigelsesplan 2026 (eksempel) — Roskilde") == 2
    # and what changed for the plan the earlier run kept: the figure written above, 1,0,
    # against the example's 2,3, which flips goal 1
    assert said.count("(roskilde-2026.json)") == 2
    changed = said.split("## roskilde-2026 (roskilde-2026.json)")[1]
    assert "| 1 | A-dagpenge | **ny status** | opfyldt 1,0 | **ikke opfyldt 2,3** |" in changed
    assert (project / "previous" / "roskilde-2026.json").is_file()


@pytest.mark.parametrize("gh", ["missing", "refused"])
def test_without_earlier_results_the_run_goes_on(tmp_path: Path, gh: str) -> None:
    """Where gh is not installed, or may not list the artifacts, the step says so as a
    warning and the run goes on: a comparison is not what the run is for."""
    init(tmp_path / "p")
    workflow = yaml.safe_load((tmp_path / "p" / WORKFLOW).read_text(encoding="utf-8"))
    (step,) = [
        s for s in workflow["jobs"]["goals"]["steps"] if s.get("name") == "The last run's results"
    ]
    tools = tmp_path / "tools"
    tools.mkdir()
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not (Path(p) / "gh").exists()
    )
    if gh == "refused":
        (tools / "gh").write_text(
            "#!/bin/sh\necho 'HTTP 403: Resource not accessible by integration' >&2\nexit 1\n"
        )
        (tools / "gh").chmod(0o755)
        path = f"{tools}{os.pathsep}{path}"
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path / "p",
        env={**os.environ, "PATH": path, "GITHUB_REPOSITORY": "roskilde/planer"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    said = "gh is not installed" if gh == "missing" else "could not be listed"
    assert done.stdout.startswith("::warning::") and said in done.stdout
    assert not (tmp_path / "p" / "previous").exists()
