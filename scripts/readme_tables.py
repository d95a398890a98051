"""Write the measured accuracy and speed tables into README.md (between their markers).

    .venv/bin/python scripts/readme_tables.py --speed       # from bench/results.json, bench/corpus.json
    .venv/bin/python scripts/readme_tables.py --accuracy    # runs `warta eval` on the dev gold

`make bench` runs ``--speed`` after measuring; `make readme-tables` runs both. The tables are
generated, never typed: a figure in the README is the figure a command printed. Each table
ends with the targets it misses, computed from the same figures.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

PARTS = ("persons", "orgs", "places", "quotes", "events_dyad", "events_type", "dates")
TARGETS = {"persons": 0.90, "orgs": 0.80, "places": 0.90, "quotes": 0.90, "events_dyad": 0.70,
           "events_type": 0.80, "dates": 0.90}
LANGS = {"id": "Indonesian", "en": "English"}
STAGE_ROWS = (  # README row, stages of bench.py summed into it
    ("normalize, dateline, sentences", ("normalize", "dateline", "sentences")),
    ("langid", ("langid",)),
    ("tokens + lemmas", ("tokens", "lemmas")),
    ("entities (rules, KB, NER tagger, resolution)", ("entities",)),
    ("dates", ("dates",)),
    ("quotes", ("quotes",)),
    ("events", ("events",)),
    ("flags", ("flags",)),
)
TARGET_RATE, TARGET_SCALING, TARGET_MEMORY_MB = 500, 1.7, 1536


def replace_between(text: str, marker: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {marker} -->\n).*?(<!-- /{marker} -->)", re.DOTALL)
    if not pattern.search(text):
        sys.exit(f"readme_tables: README.md has no <!-- {marker} --> … <!-- /{marker} --> block")
    return pattern.sub(lambda m: m[1] + body + m[2], text, count=1)


# ------------------------------------------------------------------------- accuracy
def accuracy_table(shared: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "warta.cli", "eval",
                          str(shared / "gold" / "dev.jsonl"), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"readme_tables: warta eval failed: {out.stderr.strip().splitlines()[-1:]}")
    scores = json.loads(out.stdout)
    rows = ["| part | P | R | F1 (all) | F1 Indonesian | F1 English | target |",
            "|---|---|---|---|---|---|---|"]
    below = []
    for part in PARTS:
        a = dict(scores["all"][part])
        if a.get("pred") and a.get("gold"):  # from the counts: the JSON's figures are rounded
            a["precision"], a["recall"] = a["tp"] / a["pred"], a["tp"] / a["gold"]
        f1 = {lang: scores[lang][part]["f1"] for lang in LANGS}
        rows.append(f"| {part} | {a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} | "
                    f"{f1['id']:.3f} | {f1['en']:.3f} | {TARGETS[part]:.2f} |")
        below += [f"{part} {LANGS[lang]} ({f1[lang]:.3f})" for lang in LANGS
                  if f1[lang] < TARGETS[part]]
    verdict = ("Below target: " + ", ".join(below) + "." if below
               else "Every part meets its target in both languages.")
    return "\n".join(rows) + "\n\n" + verdict + (
        " Dates at 1.000 are optimistic (see Dates). The dev set is small (28 articles), and "
        "accuracy is also measured on articles this project never sees.\n")


# ------------------------------------------------------------------------- speed
def _load(path: Path) -> dict:
    if not path.exists():
        sys.exit(f"readme_tables: {path.relative_to(ROOT)} is missing: run `make bench` first")
    return json.loads(path.read_text())


def speed_table() -> str:
    bench = _load(ROOT / "bench" / "results.json")["analyze_single_process"]
    corpus = _load(ROOT / "bench" / "corpus.json")
    runs = corpus["runs"]
    ms = bench["ms_per_article_by_stage"]
    lines = [f"Analysis, one process, {bench['articles']:,} articles (`scripts/bench.py`):", "",
             "| stage | ms/article |", "|---|---|"]
    for label, stages in STAGE_ROWS:
        lines.append(f"| {label} | {sum(ms.get(s, 0.0) for s in stages):.2f} |")
    lines.append(f"| **whole pipeline** | **{bench['articles_per_s']:,.0f} articles/s** "
                 f"({bench['words_per_s']:,} words/s), peak RSS {bench['peak_rss_mb']:,.0f} MB |")
    load = corpus.get("load_average_at_start")
    commits = f", committed {corpus['commit']:,} at a time" if corpus.get("commit") else ""
    lines += ["", f"Corpus scale, {corpus['corpus']} (`scripts/bench_corpus.py`, partitions of "
                  f"{corpus['batch']}{commits}; load average at start "
                  f"{load[0] if load else '?'}):", "",
              "| run | articles/s | peak memory (all processes) |", "|---|---|---|"]
    one = runs.get("ingest_1_process", {}).get("articles_per_s")
    w1 = runs.get("ingest_dask_1_worker", {}).get("articles_per_s")
    labels = {
        "analyse_1_process": "analyse only, 1 process",
        "ingest_1_process": "`warta ingest` into DuckDB, 1 process",
        "ingest_dask_1_worker": "`warta ingest --workers 1` (Dask)",
        "ingest_dask_2_workers": "`warta ingest --workers 2` (Dask)",
        "reingest_all_skipped": "re-ingest of the same articles (all skipped by content hash)",
        "ingest_1_process_fifth": "`warta ingest`, a fifth of the articles (memory check)",
    }
    for key, label in labels.items():
        run = runs.get(key)
        if not run:
            continue
        rate = f"{run['articles_per_s']:,.0f}"
        if key == "ingest_dask_2_workers" and w1 and one:
            rate += (f" ({run['articles_per_s'] / w1:.2f}× one worker, "
                     f"{run['articles_per_s'] / one:.2f}× one process)")
        lines.append(f"| {label} | {rate} | {run['peak_rss_mb_all_processes']:,.0f} MB |")
    if corpus.get("db_size_mb"):
        lines += ["", f"Database after the 1-process ingest: {corpus['db_size_mb']:,.0f} MB."]
    best = max((runs[k]["articles_per_s"] for k in ("ingest_1_process", "ingest_dask_2_workers")
                if k in runs), default=0.0)
    two = runs.get("ingest_dask_2_workers", {})
    missed = []
    if best < TARGET_RATE:
        missed.append(f"the whole pipeline into DuckDB reaches {best:,.0f} articles/s at best, "
                      f"not {TARGET_RATE}")
    if two and w1 and two["articles_per_s"] / w1 < TARGET_SCALING:
        missed.append(f"two workers give {two['articles_per_s'] / w1:.2f}× one, "
                      f"not {TARGET_SCALING}×")
    if two and two["peak_rss_mb_all_processes"] > TARGET_MEMORY_MB:
        missed.append(f"two workers peak at {two['peak_rss_mb_all_processes']:,.0f} MB, "
                      f"over 1.5 GB")
    lines += ["", ("**Below the targets:** " + "; ".join(missed) + "." if missed
                   else "Every speed and memory target is met.")]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accuracy", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    if not (args.accuracy or args.speed):
        ap.error("say --accuracy, --speed or both")
    text = README.read_text(encoding="utf-8")
    if args.accuracy:
        text = replace_between(text, "accuracy-table", accuracy_table(Path(args.shared)))
    if args.speed:
        text = replace_between(text, "speed-table", speed_table())
    README.write_text(text, encoding="utf-8")
    print("README.md tables written:", ", ".join(k for k in ("accuracy", "speed")
                                                  if getattr(args, k)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
