"""``copy_of_earlier``: the corpus holds a near-duplicate of this article published earlier.

The article's MinHash signature (the same one the store computes at ingest) is looked up in
the database's LSH bands; candidates that share a band are verified by their estimated
Jaccard similarity of word 3-shingles, and those at or above the clustering threshold that
were published before this article raise the flag, naming the earlier article and its date.
Translations are not looked for here (the store links them into stories at ingest).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from ..cluster import minhash
from ..errors import WartaError

CANDIDATES = 10


def check_copies(result: dict[str, Any], db_path: str) -> list[dict[str, Any]]:
    """Flags (as dicts) for earlier near-duplicates of ``result`` in the database at ``db_path``."""
    import duckdb

    text = result.get("text") or ""
    published = result.get("published")
    if not text or not published:
        return []
    sig = minhash.signature(text)
    keys = [int(k) for k in minhash.band_keys(sig)]
    try:
        con = duckdb.connect(db_path, read_only=True)
    except duckdb.Error as err:
        raise WartaError(f"cannot open the database read-only: {err}", source=db_path) from None
    try:
        rows = con.execute(
            """
            WITH c AS (
                SELECT seq, count(*) AS shared FROM lsh_bands WHERE band IN (SELECT unnest(?::UBIGINT[]))
                GROUP BY seq ORDER BY shared DESC, seq LIMIT ?
            )
            SELECT a.id, a.published, a.title, a.url, m.sig
            FROM c JOIN articles a USING (seq) JOIN minhashes m USING (seq)
            """,
            [keys, CANDIDATES],
        ).fetchall()
    except duckdb.Error as err:
        raise WartaError(f"not a Warta corpus database: {err}", source=db_path) from None
    finally:
        con.close()
    mine = date.fromisoformat(published[:10])
    flags = []
    for aid, other_date, title, url, blob in rows:
        if aid == result.get("id") or other_date is None:
            continue
        other = other_date if isinstance(other_date, date) else date.fromisoformat(str(other_date)[:10])
        if other >= mine:
            continue
        sim = minhash.jaccard(sig, np.frombuffer(blob, dtype=np.uint32))
        if sim < minhash.THRESHOLD:
            continue
        gap = (mine - other).days
        flags.append({
            "kind": "copy_of_earlier",
            "message": (f"a near-duplicate ({sim:.0%} shared wording) was published {gap} days earlier, "
                        f"on {other.isoformat()}: {title or aid}"),
            "evidence": {"earlier_id": aid, "earlier_date": other.isoformat(), "earlier_title": title,
                         "earlier_url": url, "similarity": round(float(sim), 3), "gap_days": gap},
            "confidence": round(min(0.95, 0.5 + sim / 2), 2),
        })
    flags.sort(key=lambda f: f["evidence"]["earlier_date"])
    return flags[:3]
