"""The renderer registry: every entry renders, one signature, a missing format refused."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from beskplan.api import Project
from beskplan.core.errors import InputError
from beskplan.render import RENDERERS, Options, Rendered, formats, render


@pytest.fixture(scope="module")
def documents() -> dict[str, object]:
    project = Project.open()
    plan = project.plan("frederiksberg-2019")
    report, members = project.report(plan)
    return {
        "evaluation": project.evaluate(plan),
        "municipalities": project.every_municipality(plan),
        "timeline": project.timeline(plan, "2018M03..2018M06"),
        "diff": project.diff("frederiksberg-2018", "frederiksberg-2019"),
        "plans": project.plans(),
        "overview": project.overview(["frederiksberg-2019"]),
        "report": report,
        "members": members,
    }


@pytest.mark.parametrize(
    ("kind", "fmt"), [(kind, fmt) for kind, table in RENDERERS.items() for fmt in table]
)
def test_every_registered_renderer_renders(
    documents: dict[str, object], kind: str, fmt: str
) -> None:
    members = documents["members"] if kind == "report" else {}
    rendered = render(kind, fmt, documents[kind], Options("en", members=members))  # type: ignore[arg-type]
    assert isinstance(rendered, Rendered)
    if rendered.paint is not None:
        buffer = io.StringIO()
        rendered.paint(Console(file=buffer, width=120, no_color=True))
        assert buffer.getvalue().strip()
    elif rendered.data is not None:
        assert rendered.data.startswith(b"PK")  # a zip: an Office Open XML workbook
    else:
        assert rendered.text


def test_a_format_the_kind_has_not_is_refused() -> None:
    with pytest.raises(
        InputError, match="--format markdown is not available here; use table, json, csv or xlsx"
    ):
        render("timeline", "markdown", None, Options())


def test_formats_of_several_kinds_once_each() -> None:
    assert formats("evaluation", "timeline") == (
        "table",
        "json",
        "csv",
        "markdown",
        "junit",
        "xlsx",
    )
    assert formats("report") == ("html", "markdown", "xlsx")
