"""The well-known multi-word names a spinner might alter: outlets, institutions, IGOs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

CURATED = Path(__file__).resolve().parent.parent / "kb" / "data" / "curated"


@lru_cache(maxsize=1)
def known_org_names() -> tuple[str, ...]:
    """Names and aliases of organisations in the curated KB files (two words or more)."""
    names: set[str] = set()
    for path in sorted(CURATED.glob("*.yaml")):
        try:
            rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError):
            continue  # the KB build reports broken files; the trust check just skips them
        for row in rows if isinstance(rows, list) else []:
            if not isinstance(row, dict) or row.get("type") != "ORG":
                continue
            for n in [row.get("name"), *(row.get("aliases") or [])]:
                if isinstance(n, str) and len(n.split()) >= 2:
                    names.add(n.strip())
    return tuple(sorted(names))
