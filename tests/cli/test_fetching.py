"""``beskplan fetch`` as a command: its options checked before anything is asked of the API."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("periods", "message"),
    [
        ("latest:0", "--periods: 'latest:0' wants a whole number of periods, as latest:12"),
        ("2019M12..2019M01", "--periods: 2019M01 comes before 2019M12"),
        ("2019M13..2020M01", "--periods: period '2019M13' does not parse"),
        (
            "soon",
            "--periods: 'soon' is not a range; write FROM..TO, as 2018M01..2018M12 (or latest:N)",
        ),
    ],
)
def test_bad_periods_are_refused_first(
    run: Any, periods: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOBINDSATS_API_KEY", raising=False)
    result = run("fetch", "frederiksberg-2019", "--periods", periods)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
