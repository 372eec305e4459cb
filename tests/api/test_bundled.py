"""The bundled goals and data are found from a checkout as from an installed package."""

from __future__ import annotations

from beskplan.api.bundled import bundled
from tests.conftest import DATA, GOALS


def test_the_bundled_folders_hold_the_plans_and_their_data() -> None:
    assert (bundled("goals") / "frederiksberg-2019.yaml").is_file()
    assert (bundled("data") / "clusters.yaml").is_file()
    assert {p.name for p in bundled("goals").glob("*.yaml")} == {
        p.name for p in GOALS.glob("*.yaml")
    }
    assert {p.name for p in bundled("data").iterdir()} == {p.name for p in DATA.iterdir()}
