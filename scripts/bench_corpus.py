"""Corpus-scale benchmark: analyse, ingest into DuckDB (1 process, Dask workers), memory.

    .venv/bin/python scripts/bench_corpus.py --shared ../shared            # 50,000 articles
    .venv/bin/python scripts/bench_corpus.py --n 5000 --skip-dask          # a quick look

The 1,000 real Detik articles of ../shared/data/corpus-detik are replicated to --n (each
copy gets its own id and url and one sentence of its own, so the content hashes differ and
nothing is skipped; the copies are near-duplicates, so clustering works hard: 1,000 stories
of --n/1,000 articles each). The corpus is streamed to a temporary JSON Lines file, never
held in memory. Each measurement runs in its own process (the real `warta` command for the
ingests); a sampler sums the resident memory of that process and all its children (Dask
scheduler, nannies, workers) every 0.2 s and keeps the peak.

Measured:
  analyse        Pipeline.pipe over the stream, nothing stored (the analysis alone)
  ingest 1 proc  `warta ingest` into a new DuckDB file (analysis + rows + clusters + commit)
  ingest Dask    the same with --workers 1 and --workers 2 (a LocalCluster)
  re-ingest      the same file again into the full database: every article skipped as stored
  memory         peak RSS of the 1-process ingest at --n/5 and at --n (flat = streaming)

Writes bench/corpus.json and prints a markdown table for the README. Speed is measured
here, never asserted in tests. The machine has 2 cores: note its load (printed) when
comparing figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------------- corpus
def detik_rows(shared: Path) -> list[dict[str, str]]:
    path = shared / "data" / "corpus-detik" / "data_berita.csv"
    csv.field_size_limit(10**8)
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            m, d, y = row["tanggal"].split()[0].split("/")
            rows.append({"id": row["id"], "title": row["judul"], "url": row["tautan"],
                         "text": row["isi_berita"], "published": f"{y}-{int(m):02d}-{int(d):02d}"})
    return rows


def write_corpus(rows: list[dict[str, str]], n: int, path: Path) -> int:
    """--n articles, replicas of the real ones made distinct by one sentence; streamed."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            r, row = divmod(k, len(rows))
            src = rows[row]
            text = src["text"] if r == 0 else f"{src['text']}\nPembaruan ke-{r} dari redaksi."
            words += len(text.split())
            fh.write(json.dumps({"id": f"detik-{src['id']}-r{r}", "text": text,
                                 "title": src["title"], "url": f"{src['url']}?r={r}",
                                 "published": src["published"]}, ensure_ascii=False) + "\n")
    return words


# ------------------------------------------------------------------------- measuring
class PeakRSS:
    """Peak of the summed RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._every = every
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(self._every)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return round(self.peak / 2**20, 1)


def run_measured(cmd: list[str]) -> tuple[str, str, float, float]:
    """Run a command; (stdout, stderr, wall seconds, peak MB of its process tree)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PeakRSS(proc.pid)
    out, err = proc.communicate()
    peak = sampler.stop()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return out, err, wall, peak


_SUMMARY = re.compile(r"ingested ([\d,]+), skipped ([\d,]+) as duplicates, ([\d,]+) errors?.*?"
                      r"([\d,]+) inputs in ([\d.]+) s")


def ingest(corpus: Path, db: Path, *extra: str) -> dict:
    cmd = [sys.executable, "-m", "warta.cli", "ingest", str(corpus), "--db", str(db), "--quiet",
           *extra]
    out, err, wall, peak = run_measured(cmd)
    m = _SUMMARY.search(out)
    if not m:
        raise SystemExit(f"bench: unexpected ingest output: {out!r} {err[-1000:]!r}")
    ingested, skipped, errors, inputs = (int(m[k].replace(",", "")) for k in range(1, 5))
    seconds = float(m[5])
    return {"command": "warta ingest " + " ".join(extra), "inputs": inputs, "ingested": ingested,
            "skipped": skipped, "errors": errors, "seconds": round(seconds, 2),
            "wall_seconds": round(wall, 2), "articles_per_s": round(inputs / seconds, 1),
            "peak_rss_mb_all_processes": peak}


ANALYSE = """
import json, sys, time
from warta.io.readers import iter_articles
from warta.pipeline import get_pipeline
from warta.doc import Article
pipe = get_pipeline()
for _ in pipe.pipe(list(iter_articles([sys.argv[1]]))[:20]): pass   # load the models
t0 = time.perf_counter(); n = failed = 0
for out in pipe.pipe(iter_articles([sys.argv[1]])):
    n += 1; failed += not isinstance(out, Article)
print(json.dumps({"articles": n, "failed": failed, "seconds": time.perf_counter() - t0}))
"""


def analyse(corpus: Path) -> dict:
    out, _err, wall, peak = run_measured([sys.executable, "-c", ANALYSE, str(corpus)])
    res = json.loads(out.strip().splitlines()[-1])
    return {"command": "Pipeline.pipe (no store)", "inputs": res["articles"],
            "failed": res["failed"], "seconds": round(res["seconds"], 2),
            "wall_seconds": round(wall, 2),
            "articles_per_s": round(res["articles"] / res["seconds"], 1),
            "peak_rss_mb_all_processes": peak}


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# ------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--n", type=int, default=50_000, help="articles (replicas of the 1,000)")
    ap.add_argument("--batch", type=int, default=500, help="articles per partition")
    ap.add_argument("--commit", type=int, default=2000, help="articles per transaction, at least")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-small", action="store_true", help="no --n/5 run for the memory check")
    ap.add_argument("--out", default=str(ROOT / "bench" / "corpus.json"))
    ap.add_argument("--keep", metavar="DIR", help="keep the corpus and databases here")
    ap.add_argument("--only", metavar="RUN,…",
                    help="re-run only these runs (e.g. ingest_dask_1_worker,ingest_dask_2_workers) "
                         "and update them in --out, keeping the others")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "data" / "corpus-detik").exists():
        print(f"bench: {shared}/data/corpus-detik is missing", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="warta-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "load_average_at_start": load_average(),
        "corpus": f"corpus-detik (1,000 articles) replicated to {args.n:,}",
        "batch": args.batch,
        "commit": args.commit,
        "runs": {},
    }
    only = set(args.only.split(",")) if args.only else None
    if only and Path(args.out).exists():
        previous = json.loads(Path(args.out).read_text())
        results["runs"] = previous.get("runs", {})
        results["load_average_at_start"] = previous.get("load_average_at_start")
        results.update({k: previous[k] for k in ("db_size_mb", "words_per_article") if k in previous})
    try:
        rows = detik_rows(shared)
        corpus = work / f"detik-{args.n}.jsonl"
        words = write_corpus(rows, args.n, corpus)
        results["words_per_article"] = round(words / args.n)
        runs = results["runs"]

        def step(name: str, fn, *a) -> None:
            if only and name not in only:
                return
            print(f"bench: {name} …", file=sys.stderr, flush=True)
            before = load_average()
            runs[name] = fn(*a)
            runs[name]["load_average_before"] = before
            runs[name]["load_average_after"] = load_average()
            print(f"bench: {name}: {runs[name]['articles_per_s']:,.0f} articles/s, "
                  f"peak {runs[name]['peak_rss_mb_all_processes']:,.0f} MB", file=sys.stderr)

        batch = ["--batch", str(args.batch), "--commit", str(args.commit)]
        step("analyse_1_process", analyse, corpus)
        db1 = work / "one.duckdb"
        step("ingest_1_process", ingest, corpus, db1, *batch)
        if not only or "reingest_all_skipped" in only:
            if not db1.exists():  # the re-ingest needs the full database (not timed)
                ingest(corpus, db1, *batch)
            step("reingest_all_skipped", ingest, corpus, db1, *batch)
        if not args.skip_dask:
            step("ingest_dask_1_worker", ingest, corpus, work / "dask1.duckdb", "--workers", "1", *batch)
            step("ingest_dask_2_workers", ingest, corpus, work / "dask2.duckdb", "--workers", "2", *batch)
        if not args.skip_small and (not only or "ingest_1_process_fifth" in only):
            small = work / f"detik-{args.n // 5}.jsonl"
            write_corpus(rows, args.n // 5, small)
            step("ingest_1_process_fifth", ingest, small, work / "small.duckdb", *batch)
        if db1.exists():
            results["db_size_mb"] = round(db1.stat().st_size / 2**20, 1)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    runs = results["runs"]
    if "ingest_dask_2_workers" in runs:
        two = runs["ingest_dask_2_workers"]["articles_per_s"]
        results["speedup_2_workers_vs_1_worker"] = round(two / runs["ingest_dask_1_worker"]["articles_per_s"], 2)
        results["speedup_2_workers_vs_1_process"] = round(two / runs["ingest_1_process"]["articles_per_s"], 2)
    results["load_average_at_end"] = load_average()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    print(f"\nwrote {out}", file=sys.stderr)
    return 0


def table(results: dict) -> str:
    names = {
        "analyse_1_process": "analyse only, 1 process",
        "ingest_1_process": "ingest into DuckDB, 1 process",
        "ingest_dask_1_worker": "ingest, Dask 1 worker",
        "ingest_dask_2_workers": "ingest, Dask 2 workers",
        "reingest_all_skipped": "re-ingest (all stored: skipped)",
        "ingest_1_process_fifth": "ingest, 1 process, 1/5 of the corpus",
    }
    lines = ["| run | articles | articles/s | peak memory (all processes) |",
             "|---|---:|---:|---:|"]
    for key, label in names.items():
        r = results["runs"].get(key)
        if r:
            lines.append(f"| {label} | {r['inputs']:,} | {r['articles_per_s']:,.0f} | "
                         f"{r['peak_rss_mb_all_processes']:,.0f} MB |")
    if "speedup_2_workers_vs_1_worker" in results:
        lines.append(f"\n2 workers vs 1 worker: {results['speedup_2_workers_vs_1_worker']}x; "
                     f"vs 1 process: {results['speedup_2_workers_vs_1_process']}x. "
                     f"Load average at start {results['load_average_at_start']}, "
                     f"at end {results['load_average_at_end']} (2 cores).")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
