"""scripts/load.py runs end to end: it starts `warta serve`, loads it, reports the figures,
and stops it (a small run here; `make load` runs 2,000 requests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.web_support import ROOT, build_hand_corpus

pytestmark = pytest.mark.slow


def test_load_script_small_run(tmp_path: Path) -> None:
    db = build_hand_corpus(tmp_path / "corpus.duckdb")
    proc = subprocess.run(
        [sys.executable, "scripts/load.py", "-n", "30", "-c", "5", "--db", str(db),
         "--corpus-requests", "30", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "analyze: 30 requests at concurrency 5" in proc.stdout
    assert "errors 0" in proc.stdout
    figures = json.loads(proc.stdout[proc.stdout.index("{"):])
    for phase in ("analyze", "corpus"):
        r = figures[phase]
        assert r["ok"] == 30 and r["errors"] == {}
        assert 0 < r["p50"] <= r["p99"] <= r["max"]
