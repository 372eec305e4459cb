"""``beskplan fetch`` against a server that misbehaves: it ends with one line and exit 2,
keeps the previous data, writes nowhere else, and never shows the key."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from beskplan.fetch import client
from tests.fetch import fake_api
from tests.fetch.test_fetch import fetch


@pytest.fixture(autouse=True)
def _fast() -> Iterator[None]:
    import stamina

    stamina.set_testing(True, attempts=2)
    yield
    stamina.set_testing(False)


def serve(server: HTTPServer, monkeypatch: pytest.MonkeyPatch, data_answer: Any) -> None:
    """The fake API, with ``data_answer(request)`` answering the data requests."""

    def handler(request: Request) -> Response:
        if request.path.startswith("/v3/data/"):
            answer: Response = data_answer(request)
            return answer
        return fake_api.handler(request)

    server.expect_request(re.compile(r"/v3/.*")).respond_with_handler(handler)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", server.url_for("/v3"))
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)


def files(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "data").iterdir())


@pytest.mark.parametrize("key", ["SECRET1\nrest", "nøgleSECRET2", "SECRET3 more"])
@pytest.mark.parametrize("dry_run", [True, False])
def test_a_key_that_is_no_key_is_said_without_echoing_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, key: str, dry_run: bool
) -> None:
    monkeypatch.setenv("JOBINDSATS_API_KEY", key)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", "http://127.0.0.1:9/v3")
    result = fetch(project, *(["--dry-run"] if dry_run else []))
    assert result.exit_code == 2
    assert result.stderr.startswith("JOBINDSATS_API_KEY is not a key:")
    assert "SECRET" not in result.output and "Traceback" not in result.output


def test_a_server_that_repeats_the_key_has_it_masked(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def echo(request: Request) -> Response:
        said = request.headers.get("Authorization", "")
        return Response(f"bad request from {said}", status=400)

    serve(httpserver, monkeypatch, echo)
    result = fetch(project)
    assert result.exit_code == 2
    assert fake_api.KEY not in result.output
    assert "bad request from Bearer ***" in result.stderr
    assert files(project) == ["tilfredshed.csv"]


def test_a_table_id_that_is_a_path_is_refused_before_any_request(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve(httpserver, monkeypatch, fake_api.handler)
    plan = project / "goals" / "testby-2024.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("table: tilfredshed", "table: ../x"),
        encoding="utf-8",
    )
    result = fetch(project)
    assert result.exit_code == 2
    assert "table '../x' (read by testby-2024 D) is not a Jobindsats table id" in result.stderr
    assert httpserver.log == []
    assert not (project / "x.json").exists() and not (project.parent / "X.json").exists()


@pytest.mark.parametrize("status", [301, 302])
def test_a_redirect_is_refused_and_its_body_never_saved(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    def moved(request: Request) -> Response:
        body = json.dumps({"columns": ["Område", "Periode", "X"], "rows": [["A", "2024M06", 1]]})
        return Response(body, status=status, headers={"Location": "http://elsewhere.test/v3"})

    serve(httpserver, monkeypatch, moved)
    result = fetch(project)
    assert result.exit_code == 2
    assert "a redirect to http://elsewhere.test/v3; beskplan does not follow redirects" in (
        result.stderr
    )
    assert files(project) == ["tilfredshed.csv"]


def test_an_answer_past_the_size_cap_is_refused(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve(httpserver, monkeypatch, lambda request: Response(b"[" + b" " * 50_000 + b"]"))
    monkeypatch.setattr(client, "MAX_BYTES", 2**20 // 64)  # 16 KB, said as 0 MB
    result = fetch(project)
    assert result.exit_code == 2
    assert "the answer is over 0 MB unpacked" in result.stderr
    assert files(project) == ["tilfredshed.csv"]


def test_a_server_that_trickles_is_cut_off_at_the_deadline(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def trickle(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(40):
                time.sleep(0.05)
                yield b" "

        return Response(body(), content_type="application/json")

    serve(httpserver, monkeypatch, trickle)
    monkeypatch.setattr(client, "DEADLINE", 0.5)
    start = time.monotonic()
    result = fetch(project)
    assert result.exit_code == 2
    assert "the answer did not arrive whole in 0 s" in result.stderr
    assert time.monotonic() - start < 10


def test_a_later_failure_leaves_the_manifest_true_to_the_files(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def second_fails(request: Request) -> Response:
        if "y60a02" in request.path:
            return Response(json.dumps({"code": 400, "cause": "no"}), status=400)
        return fake_api.handler(request)

    serve(httpserver, monkeypatch, second_fails)
    result = fetch(project)
    assert result.exit_code == 2
    manifest = json.loads((project / "data" / "fetch.json").read_text(encoding="utf-8"))
    written = (project / "data" / "Y25I01.json").read_bytes()
    import hashlib

    assert manifest["tables"]["Y25I01"]["sha256"] == hashlib.sha256(written).hexdigest()
    assert "Y60A02" not in manifest["tables"]


def test_the_fetched_file_has_the_mode_of_every_other_file(api: HTTPServer, project: Path) -> None:
    umask = os.umask(0o022)
    try:
        assert fetch(project).exit_code == 0
    finally:
        os.umask(umask)
    assert (project / "data" / "Y25I01.json").stat().st_mode & 0o777 == 0o644
    assert (project / "data" / "fetch.json").stat().st_mode & 0o777 == 0o644


def test_credentials_in_the_base_url_are_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBINDSATS_API_KEY", fake_api.KEY)
    monkeypatch.setenv("BESKPLAN_JOBINDSATS_URL", "https://user:secret@api.example.test/v3")
    result = fetch(project, "--dry-run")
    assert result.exit_code == 2
    assert "holds a user name or password" in result.stderr and "secret" not in result.output


def test_a_nul_in_the_data_path_is_said_before_any_request(
    httpserver: HTTPServer, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve(httpserver, monkeypatch, fake_api.handler)
    from beskplan.fetch import fetch as fetch_tables
    from beskplan.fetch.query import Periods

    with pytest.raises(client.InputError, match="NUL character"):
        fetch_tables({}, Path("da\x00ta"), client.Client(fake_api.KEY, "http://x"), Periods())
    assert httpserver.log == []


@pytest.mark.parametrize(
    "value",
    ["nan", "inf", "-1", "Wed, 21 Oct 2015 07:28:00 -0000", "Wed, 21 Oct 2015 07:28:00 GMT", "x"],
)
def test_retry_after_is_read_safely_and_capped(value: str) -> None:
    found = client._retry_after(value)
    assert found is None or 0 <= found <= client.LONGEST_WAIT


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_retry_after_never_fails(value: str) -> None:
    found = client._retry_after(value)
    assert found is None or 0 <= found <= client.LONGEST_WAIT


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_an_error_body_is_said_on_one_line_of_printable_text(body: bytes) -> None:
    said = client._cause(body)
    assert said and len(said) <= 200 and all(c.isprintable() for c in said)


def test_a_dry_run_without_a_key_lists_what_the_plans_need(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOBINDSATS_API_KEY", raising=False)
    result = fetch(project, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "tilfredshed: periods 2024M06 (read by testby-2024 D)",
        "Y25I01: periods 2024M06 (read by testby-2024 B)",
        # goal C's baseline besides the plan's period, and the category it names
        "Y60A02: periods 2024M02, 2024M06; Køn: Kvinder, Mænd (read by testby-2024 A, "
        "testby-2024 C, testby-2024 E)",
    ]
    assert "not the requests" in result.stderr


def test_a_nul_in_the_project_files_data_path_is_said_before_any_request(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from beskplan.cli import app

    serve(httpserver, monkeypatch, fake_api.handler)
    (tmp_path / "beskplan.toml").write_text('data = "da\\u0000ta"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fetch", "x"])
    assert result.exit_code == 2
    assert "data holds a NUL or line-break character" in result.stderr
    assert "Traceback" not in result.output and httpserver.log == []
