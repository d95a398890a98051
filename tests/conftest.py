"""Shared test fixtures: paths to the repository, the shared data, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WARTA_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold" / "dev.jsonl"
IN_CI = bool(os.environ.get("CI"))


def need_shared(path: Path) -> None:
    """Skip when ../shared is absent on a developer's machine; in CI it must be there."""
    if path.exists():
        return
    if IN_CI:
        pytest.fail(f"{path} is missing in CI; shared/ must be present beside the clone")
    pytest.skip(f"{path} is absent (../shared is not checked out beside this clone)")


@pytest.fixture
def run_warta():
    """Run the real `warta` command in a subprocess: (exit code, stdout, stderr)."""

    def run(*args: str, stdin: bytes | None = None, timeout: int = 120):
        proc = subprocess.run(
            [sys.executable, "-m", "warta.cli", *args],
            input=stdin,
            capture_output=True,
            timeout=timeout,
            cwd=ROOT,
        )
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")

    return run
