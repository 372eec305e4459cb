"""``beskplan fetch`` against a local server that answers as the Jobindsats API v3 does."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import stamina
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from beskplan.cli import app
from beskplan.evaluation.context import Context
from beskplan.evaluation.evaluate import evaluate_plan
from beskplan.plan.goalfile import load_plan
from tests.fetch import fake_api
from tests.formats import write_csv

PLAN = """plan: testby-2024
title: Testby 2024
municipality: Frederiksberg
period: 2024M06
goals:
  - id: A
    title: Kontanthjælp under klyngens gennemsnit
    measure: {table: Y60A02, column: Fuldtidspersoner i pct. af arbejdsstyrken}
    better: lower
    rule: cluster_mean
    cluster: [Frederiksberg, Gentofte, Gladsaxe, Lyngby-Taarbæk]
  - id: B
    title: Ledighed under landsgennemsnittet
    measure: {table: Y25I01, column: Ledige fuldtidspersoner i pct. af arbejdsstyrken}
    better: lower
    rule: national
  - id: C
    title: Kvinder på kontanthjælp under niveauet i februar
    measure: {table: Y60A02, column: Fuldtidspersoner i pct. af arbejdsstyrken, where: {Køn: Kvinder}}
    better: lower
    rule: baseline
    baseline: 2024M02
  - id: E
    title: Kvinder og mænd på kontanthjælp, højst 400 fuldtidspersoner
    measure:
      sum:
        - {table: Y60A02, column: Antal fuldtidspersoner, where: {Køn: Kvinder}}
        - {table: Y60A02, column: Antal fuldtidspersoner, where: {Køn: Mænd}}
    better: lower
    rule: threshold
    target: 400
  - id: D
    title: Tilfredse borgere
    measure: {table: tilfredshed, column: Tilfredse (pct.)}
    better: higher
    rule: threshold
    target: 80
"""
OWN = "Område;Periode;Tilfredse (pct.)\nFrederiksberg;2024M06;83,5\n"


@pytest.fixture(autouse=True)
def _no_backoff() -> Iterator[None]:
    """Retries without the waits between them, so that the tests stay fast."""
    stamina.set_testing(True, attempts=3)
    yield
    stamina.set_testing(False)


@pytest.fixture
def api(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    httpserver.expect_request(re.compile(r"/v3/.*")).respond_with_handler(fake_api.handler)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", httpserver.url_for("/v3"))
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    return httpserver


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "goals").mkdir()
    (tmp_path / "goals" / "testby-2024.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tilfredshed.csv").write_text(OWN, encoding="utf-8")
    return tmp_path


def fetch(project: Path, *args: str) -> Any:
    return CliRunner().invoke(
        app,
        [
            "fetch",
            "testby-2024",
            "--goals",
            str(project / "goals"),
            "--data",
            str(project / "data"),
            *args,
        ],
        env={"COLUMNS": "200", "NO_COLOR": "1"},
    )


def test_the_queries_are_built_from_the_metadata(api: HTTPServer, project: Path) -> None:
    result = fetch(project, "--dry-run")
    assert result.exit_code == 0, result.output
    base = api.url_for("/v3")
    assert result.stdout.splitlines() == [
        # every municipality and, at the top of _nykom, the country
        f"GET {base}/data/y25i01?mgroup.*=*&period.M=2024M06&hierarchy._nykom=*&format=json",
        # from the baseline of goal C (2024M02) on; Køn, found by the Kvinder that C names
        # (the metadata names no dimension), at * for its total and every member
        f"GET {base}/data/y60a02?mgroup.*=*&period.M=2024M02,2024M03,2024M04,2024M05,2024M06"
        "&hierarchy._nykom=*&hierarchy._kon=*&format=json",
        "own data, not fetched: tilfredshed",
    ]
    assert sorted(p.name for p in (project / "data").iterdir()) == ["tilfredshed.csv"]
    assert not any(r.path.startswith("/v3/data") for r, _ in api.log)


def test_latest_and_ranges_of_periods(api: HTTPServer, project: Path) -> None:
    latest = fetch(project, "--dry-run", "--periods", "latest:3").stdout
    assert "period.M=latest:3&" in latest
    ranged = fetch(project, "--dry-run", "--periods", "2024M04..2024M05").stdout
    assert ranged.count("period.M=2024M04,2024M05&") == 2
    bad = fetch(project, "--dry-run", "--periods", "2023M01..2023M03")
    assert bad.exit_code == 2
    assert (
        "the API publishes no M periods 2023M01..2023M03; it has 2024M01 to 2024M06" in bad.stderr
    )


def _statuses(data: Path, goals: Path) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    plan = load_plan("testby-2024", goals)
    report = evaluate_plan(plan, Context.open(data, use_cache=False))
    return [(g.id, g.status.value, g.outcome.value, g.outcome.reference) for g in report.goals]


def test_evaluate_on_fetched_data_equals_evaluate_on_the_same_rows_as_csv(
    api: HTTPServer, project: Path, tmp_path: Path
) -> None:
    result = fetch(project)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (project / "data").iterdir())
    assert written == ["Y25I01.json", "Y60A02.json", "fetch.json", "tilfredshed.csv"]
    assert "Y60A02.json: " in result.stdout and "2024M02–2024M06" in result.stdout
    csv = tmp_path / "csv"
    csv.mkdir()
    (csv / "tilfredshed.csv").write_text(OWN, encoding="utf-8")
    for table in fake_api.tables().values():
        write_csv(csv / table.id.upper(), *fake_api.as_csv_rows(table))
    expected = _statuses(csv, project / "goals")
    assert all(value is not None for _, _, value, _ in expected)  # every goal has its figure
    assert {status for _, status, _, _ in expected} == {"met", "unmet"}
    assert _statuses(project / "data", project / "goals") == expected


def test_the_manifest_traces_each_file_to_its_request(api: HTTPServer, project: Path) -> None:
    fetch(project)
    manifest = json.loads((project / "data" / "fetch.json").read_text(encoding="utf-8"))
    entry = manifest["tables"]["Y60A02"]
    body = (project / "data" / "Y60A02.json").read_bytes()
    assert entry["sha256"] == hashlib.sha256(body).hexdigest()
    assert entry["request"].startswith(api.url_for("/v3/data/y60a02?"))
    assert entry["periods"] == ["2024M02", "2024M06"]
    assert entry["rows"] == len(json.loads(body)["rows"])


def test_the_key_is_in_no_byte_written_or_printed(api: HTTPServer, project: Path) -> None:
    outputs = [fetch(project), fetch(project, "--dry-run")]
    for result in outputs:
        assert fake_api.KEY not in result.stdout + result.stderr
    for path in (project / "data").iterdir():
        assert fake_api.KEY.encode() not in path.read_bytes(), path.name
    assert all(r.headers["Authorization"] == f"Bearer {fake_api.KEY}" for r, _ in api.log)
    assert not any(fake_api.KEY in r.url for r, _ in api.log)


def test_no_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBINDSATS_API_KEY", raising=False)
    result = fetch(project)
    assert result.exit_code == 2
    assert result.stderr.startswith("JOBINDSATS_API_KEY is not set: export it")
    assert "STAR" in result.stderr


def test_a_refused_key(api: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBINDSATS_API_KEY", "an-expired-key-0000")
    result = fetch(project)
    assert result.exit_code == 2
    assert result.stderr == (
        "GET /v3/tables?format=json: the API refused the key (401 UNAUTHORIZED); check "
        "JOBINDSATS_API_KEY, or ask STAR for a new key if it has expired\n"
    )
    assert "an-expired-key-0000" not in result.output


def test_422_gives_the_apis_cause(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def yearly(request: Request) -> Response:
        if request.path == "/v3/table/y60a02":  # a table that lists quarters it cannot answer
            meta = fake_api.metadata(fake_api.tables()["y60a02"])
            meta["periods"] = [{"periodtype_id": "Q", "values": [{"period_id": "2024Q02"}]}]
            return Response(json.dumps(meta), content_type="application/json")
        return fake_api.handler(request)

    httpserver.expect_request(re.compile(r"/v3/.*")).respond_with_handler(yearly)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", httpserver.url_for("/v3"))
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    result = fetch(project)
    assert result.exit_code == 2
    assert result.stderr.startswith("GET /v3/data/y60a02?mgroup.*=*&period.Q=2024Q02&")
    assert result.stderr.endswith(
        ": the API answered 422 UNPROCESSABLE ENTITY: Unknown period type: Q\n"
    )


def test_429_is_retried_after_the_wait_the_api_asks_for(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def busy_once(request: Request) -> Response:
        calls.append(request.path)
        if request.path.startswith("/v3/data/") and calls.count(request.path) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "0"})
        return fake_api.handler(request)

    httpserver.expect_request(re.compile(r"/v3/.*")).respond_with_handler(busy_once)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", httpserver.url_for("/v3"))
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    result = fetch(project)
    assert result.exit_code == 0, result.output
    assert calls.count("/v3/data/y60a02") == 2
    assert (project / "data" / "Y60A02.json").is_file()


def test_a_server_error_that_lasts_keeps_the_previous_file(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request(re.compile(r"/v3/.*")).respond_with_handler(fake_api.handler)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", httpserver.url_for("/v3"))
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    assert fetch(project).exit_code == 0
    before = (project / "data" / "Y60A02.json").read_bytes()
    manifest = (project / "data" / "fetch.json").read_bytes()
    httpserver.clear()

    def broken(request: Request) -> Response:
        if request.path.startswith("/v3/data/y60a02"):
            return Response('{"columns": ["Periode"', status=503)
        return fake_api.handler(request)

    httpserver.expect_request(re.compile(r"/v3/.*")).respond_with_handler(broken)
    result = fetch(project)
    assert result.exit_code == 2
    assert "the API answered 503 SERVICE UNAVAILABLE 3 times; try again later" in result.stderr
    assert (project / "data" / "Y60A02.json").read_bytes() == before
    # Y25I01, fetched before Y60A02 failed, may be newer (its time moves on the second);
    # Y60A02's entry is as it was, and every entry is true to its file on disk
    now = json.loads((project / "data" / "fetch.json").read_text(encoding="utf-8"))
    assert now["tables"]["Y60A02"] == json.loads(manifest)["tables"]["Y60A02"]
    for entry in now["tables"].values():
        on_disk = hashlib.sha256((project / "data" / entry["file"]).read_bytes()).hexdigest()
        assert entry["sha256"] == on_disk
    assert not [p for p in (project / "data").iterdir() if p.name.startswith(".")]


def test_a_second_fetch_into_a_filled_folder_replaces_and_records(
    api: HTTPServer, project: Path
) -> None:
    assert fetch(project).exit_code == 0
    first = json.loads((project / "data" / "fetch.json").read_text(encoding="utf-8"))
    result = fetch(project, "--periods", "latest:2")
    assert result.exit_code == 0, result.output
    second = json.loads((project / "data" / "fetch.json").read_text(encoding="utf-8"))
    assert first["tables"]["Y60A02"]["periods"] == ["2024M02", "2024M06"]
    assert second["tables"]["Y60A02"]["periods"] == ["2024M05", "2024M06"]
    assert sorted(second["tables"]) == ["Y25I01", "Y60A02"]


def test_another_file_of_the_same_table_is_named(api: HTTPServer, project: Path) -> None:
    (project / "data" / "Y60A02_2023.csv").write_text(
        "Område;Periode;X\nA;2023M01;1\n", encoding="utf-8"
    )
    result = fetch(project)
    assert result.exit_code == 0
    assert (
        "note: Y60A02_2023.csv is also table Y60A02 and is read beside Y60A02.json" in result.stderr
    )


def test_a_dead_port_names_the_host(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", f"http://127.0.0.1:{port}/v3")
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    result = fetch(project)
    assert result.exit_code == 2
    *retries, last = result.stderr.splitlines()
    # the host, and where its address came from
    assert last.startswith(
        f"GET /v3/tables?format=json: cannot reach 127.0.0.1:{port}, the API's address set by "
        "BESKPLAN_JOBINDSATS_URL ("
    )
    assert retries == [  # stamina's testing mode: three attempts without waiting
        "note: the API could not be reached (ConnectError); trying again in 0 s (retry 1)",
        "note: the API could not be reached (ConnectError); trying again in 0 s (retry 2)",
    ]
    assert "Traceback" not in result.output


def test_404_an_unknown_table_gives_the_apis_cause(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def withdrawn(request: Request) -> Response:
        if request.path == "/v3/table/y60a02":  # listed, but its metadata is gone
            body = {"code": 404, "cause": "Unknown table: y60a02", "request_id": "r9"}
            return Response(json.dumps(body), status=404, content_type="application/json")
        return fake_api.handler(request)

    httpserver.expect_request(re.compile(r"/v3/.*")).respond_with_handler(withdrawn)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", httpserver.url_for("/v3"))
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    result = fetch(project)
    assert result.exit_code == 2
    assert result.stderr == (
        "GET /v3/table/y60a02?format=json: the API answered 404 NOT FOUND: Unknown table: y60a02\n"
    )
    assert not (
        project / "data" / "Y25I01.json"
    ).exists()  # every query is built before any data is fetched
