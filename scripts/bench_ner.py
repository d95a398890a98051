"""Speed of the NER tagger alone on the Detik corpus: words/s and articles/s, one process.

    .venv/bin/python scripts/bench_ner.py [--limit 1000] [--repeat 3]

Articles are split into lines and then into sentences at . ! ? (a cheap stand-in for the
sentence stage) and tokenised with Warta's TOKEN_RE before timing; only ``tag_many`` (one
call per article, as the entities stage makes it) is timed. The first pass starts from an
empty word-type cache ("cold"); later passes reuse it ("warm"). Wall-clock and CPU-time
rates are both printed: on a shared machine the CPU-time rate is the steadier one.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.ner import MODEL_PATH, Tagger, spans  # noqa: E402
from warta.stages.tokens import TOKEN_RE  # noqa: E402

DETIK = Path("/work/shared/data/corpus-detik/data_berita.csv")
_SENT_END = re.compile(r"(?<=[.!?])\s+")


def load_articles(path: Path, limit: int) -> list[list[list[str]]]:
    """Each article as a list of tokenised sentences."""
    out: list[list[list[str]]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sents = [
                TOKEN_RE.findall(s)
                for line in row["isi_berita"].splitlines()
                for s in _SENT_END.split(line)
            ]
            out.append([s for s in sents if s])
            if len(out) >= limit:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)

    articles = load_articles(DETIK, args.limit)
    n_words = sum(len(s) for a in articles for s in a)
    t0 = time.perf_counter()
    tagger = Tagger.load(args.model)
    print(
        f"model load {time.perf_counter() - t0:.3f}s; {len(articles)} articles, "
        f"{n_words} words ({n_words / len(articles):.0f}/article)"
    )
    n_entities = 0
    for rep in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for art in articles:
            labels = tagger.tag_many(art)
            if rep == 0:
                n_entities += sum(len(spans(x)) for x in labels)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        kind = "cold" if rep == 0 else "warm"
        # CPU time is the fairer figure when other processes share the cores
        print(
            f"pass {rep + 1} ({kind}): {n_words / dt:,.0f} words/s, "
            f"{len(articles) / dt:,.0f} articles/s wall; "
            f"{len(articles) / cpu:,.0f} articles/s of CPU time"
        )
    print(f"entities found: {n_entities} ({n_entities / len(articles):.1f}/article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
