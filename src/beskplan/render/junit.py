"""JUnit XML: one test case per goal, so CI systems show goals natively.

An unmet goal is a failure, a goal without data is skipped, a met goal passes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from beskplan.core.words import Lang
from beskplan.evaluation.results import Report
from beskplan.render import Options, Rendered
from beskplan.render.verdicts import explain
from beskplan.rules.outcome import Status


@dataclass(frozen=True)
class Case:
    name: str
    classname: str
    outcome: str  # "pass", "failure" or "skipped"
    message: str = ""


def document(suite: str, cases: list[Case]) -> str:
    failures = sum(c.outcome == "failure" for c in cases)
    skipped = sum(c.outcome == "skipped" for c in cases)
    root = ET.Element(
        "testsuites", tests=str(len(cases)), failures=str(failures), skipped=str(skipped)
    )
    node = ET.SubElement(
        root,
        "testsuite",
        name=suite,
        tests=str(len(cases)),
        failures=str(failures),
        errors="0",
        skipped=str(skipped),
    )
    for case in cases:
        element = ET.SubElement(node, "testcase", name=case.name, classname=case.classname)
        if case.outcome in ("failure", "skipped"):
            ET.SubElement(element, case.outcome, message=case.message).text = case.message
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(report: Report, lang: Lang = "da", previous: Report | None = None) -> str:
    """The cases of ``report``; ``previous`` does not change a verdict and is not shown."""
    kinds = {Status.MET: "pass", Status.UNMET: "failure", Status.NO_DATA: "skipped"}
    cases = [
        Case(
            f"{g.id}: {g.name or g.title}",
            f"{report.plan}.{report.period}",
            kinds[g.status],
            explain(g, lang),
        )
        for g in report.goals
    ]
    return document(f"{report.plan} ({report.municipality}, {report.period})", cases)


def evaluation(report: Report, options: Options) -> Rendered:
    return Rendered(render(report, options.lang, options.previous))


# this module's renderers in the registry (beskplan.render.RENDERERS), by kind and format
RENDERS = {
    ("evaluation", "junit"): evaluation,
}
