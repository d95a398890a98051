"""Speed benchmark: articles/s and peak memory of `analyze` on the Detik corpus.

    make bench            # or: .venv/bin/python scripts/bench.py --shared ../shared

Reads ../shared/data/corpus-detik/data_berita.csv (1,000 real articles; read from shared/,
never copied into the repository), warms the pipeline up (models and KB load once), then
times the whole pipeline and each stage. Prints a table and writes bench/results.json.
Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.doc import Article  # noqa: E402
from warta.pipeline import Pipeline  # noqa: E402


def load_detik(shared: Path, limit: int | None = None) -> list[dict[str, str]]:
    path = shared / "data" / "corpus-detik" / "data_berita.csv"
    csv.field_size_limit(10**8)
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows.append({"id": f"detik-{row['id']}", "text": row["isi_berita"], "title": row["judul"],
                         "url": row["tautan"]})
            if limit and len(rows) >= limit:
                break
    return rows


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_analyze(rows: list[dict[str, str]], repeat: int) -> dict:
    pipeline = Pipeline()
    stage_time: dict[str, float] = defaultdict(float)
    timed = []
    for name, fn in pipeline.stages:
        def wrap(article, fn=fn, name=name):
            t0 = time.perf_counter()
            out = fn(article)
            stage_time[name] += time.perf_counter() - t0
            return out
        timed.append((name, wrap))
    pipeline.stages = timed

    def make(r):
        return Article(id=r["id"], text=r["text"], title=r["title"], url=r["url"], published="2025-10-21")

    for r in rows[:50]:  # warm-up: lazy models, KB, caches
        pipeline(make(r))
    stage_time.clear()
    words = sum(len(r["text"].split()) for r in rows) * repeat
    failed = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for out in pipeline.pipe(make(r) for r in rows):
            if not isinstance(out, Article):
                failed += 1
    elapsed = time.perf_counter() - t0
    n = len(rows) * repeat
    return {
        "articles": n,
        "failed": failed,
        "seconds": round(elapsed, 3),
        "articles_per_s": round(n / elapsed, 1),
        "words_per_s": round(words / elapsed),
        "ms_per_article_by_stage": {k: round(v * 1000 / n, 4) for k, v in stage_time.items()},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3, help="passes over the 1,000 articles")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "data" / "corpus-detik").exists():
        print(f"bench: {shared}/data/corpus-detik is missing", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    rows = load_detik(shared)
    load_s = time.perf_counter() - t0
    res = bench_analyze(rows, args.repeat)
    res["peak_rss_mb"] = round(peak_rss_mb(), 1)
    out = {
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count(),
                    "platform": platform.platform()},
        "corpus": "corpus-detik (1,000 articles)",
        "csv_load_s": round(load_s, 2),
        "analyze_single_process": res,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    existing = json.loads(Path(args.out).read_text()) if Path(args.out).exists() else {}
    existing.update(out)
    Path(args.out).write_text(json.dumps(existing, indent=2) + "\n")
    print(f"analyze, 1 process: {res['articles_per_s']:.0f} articles/s "
          f"({res['words_per_s']:,} words/s) over {res['articles']} articles, "
          f"{res['failed']} failed, peak RSS {res['peak_rss_mb']:.0f} MB")
    print("ms per article by stage:")
    for name, ms in res["ms_per_article_by_stage"].items():
        print(f"  {name:<10} {ms:8.3f}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
