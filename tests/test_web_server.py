"""`warta serve` as a user runs it: a real uvicorn server on 127.0.0.1, in its own process,
answering over a socket, and stopping cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.fixtures.web_support import ROOT, build_hand_corpus, free_port
from warta.web.app import CSP, MAX_BODY_BYTES


def start_serve(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_up(base: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"warta serve exited early: {proc.communicate()}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("warta serve did not answer in time")


def test_warta_serve_on_loopback(tmp_path: Path) -> None:
    db = build_hand_corpus(tmp_path / "corpus.duckdb")
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_serve("--db", str(db), "--port", str(port), "--snapshot-dir", str(snapshots))
    try:
        wait_until_up(base, proc)
        with httpx.Client(base_url=base, timeout=10) as http:
            page = http.get("/")
            assert page.status_code == 200 and page.headers["content-security-policy"] == CSP
            assert http.get("/static/app.js").status_code == 200
            arts = http.get("/api/articles?limit=2").json()
            assert arts["total"] == 6 and len(arts["items"]) == 2
            assert http.get("/api/actors/joko_widodo").json()["counts"]["quotes"] == 2
            err = http.get("/api/events?type=NOPE")
            assert err.status_code == 422 and err.json()["error"]["code"] == "invalid"
            assert http.get("/openapi.json").json()["info"]["title"] == "Warta"
            # Over the limit by Content-Length: refused before the body is read.
            big = http.post("/api/analyze", content=b" " * (MAX_BODY_BYTES + 1),
                            headers={"content-type": "application/json"})
            assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
        assert len(list(snapshots.iterdir())) == 1  # its copy of the database
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, err
    assert f"serving the corpus in {db} at {base}/" in err
    assert list(snapshots.iterdir()) == []  # removed on the way out
    with pytest.raises(httpx.TransportError):
        httpx.get(base + "/api/health", timeout=1)


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.duckdb", "no such database"),
    (lambda d: (d / "x.duckdb").write_text("not a database") and d / "x.duckdb", "cannot open"),
])
def test_warta_serve_refuses_what_is_not_a_database(tmp_path: Path, make, message: str) -> None:
    db = make(tmp_path)
    proc = start_serve("--db", str(db), "--port", str(free_port()), "--snapshot-dir",
                       str(tmp_path))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and message in err, err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("warta-serve-")] == []
