"""JUnit XML for CI: a test case per goal, unmet goals failing, goals without data skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any


def test_junit_parses_and_counts(run: Any) -> None:
    root = ET.fromstring(run("evaluate", "frederiksberg-2019", "--format", "junit").stdout)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("8", "2", "0")
    failed = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failed == ["D: A-dagpenge", "F: Fleksjobledighed"]
    sund = ET.fromstring(run("evaluate", "frederikssund-2024", "--format", "junit").stdout)
    assert sund.get("skipped") == "1" and sund.get("failures") == "3"
