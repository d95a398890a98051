"""Measure the trust flags on the labelled set of scripts/make_trust_set.py (issue 8).

    .venv/bin/python scripts/eval_trust.py --shared ../shared [--set FILE] [--show 5]

Runs the whole pipeline on every item of the set (built first, in a temporary folder, when
``--set`` is not given or does not exist) and reports:

- precision and recall of each flag kind, item by item: an item counts as a true positive
  for a kind when it should raise it and does; "evidence right" is the share of those whose
  evidence names the right original (the outlet, the person, the anchor event);
- for each alteration, how many items are caught (every expected kind raised), how many
  raise any flag, and their stale-news scores; controls should raise nothing;
- the false-positive rate (articles with any flag, and per kind) on the whole clean dev gold
  and on the 1,000 Detik articles;
- the CPU time the ``flags`` stage takes per Detik article (in the run, and the best of three
  more passes over the same articles, which a busy machine disturbs less).

Prints markdown tables (for the README) and writes the figures, without any text, to
``bench/trust_results.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from warta.doc import Article  # noqa: E402
from warta.pipeline import Pipeline  # noqa: E402
from warta.textutil import fold  # noqa: E402

KINDS = ("time_inconsistency", "role_anachronism", "spun_name", "name_slip",
         "untranslated_english", "mt_calque")
CONTROLS = ("clean", "anchor_consistent", "cite_real", "english_quoted")
# Details of an alteration worth a breakdown: held-out synonyms, the kind of slip, …
BREAKDOWN = ("heldout", "op", "mode", "direction")


def load_set(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def build_set(shared: Path, path: Path, per_kind: int) -> None:
    """Build the set in-process (the same code as scripts/make_trust_set.py)."""
    import make_trust_set as mts

    sources = mts.load_gold(shared) + mts.load_detik(shared)
    items = mts.Builder(sources, per_kind, seed=8).build()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(mts.asdict(it), ensure_ascii=False) + "\n")


class TimedPipeline:
    """The default pipeline, with the flags stage timed and kept apart."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()
        self.flags_stage = dict(self.pipeline.stages)["flags"]
        self.before = [(n, fn) for n, fn in self.pipeline.stages if n != "flags"]
        self.flag_seconds = 0.0

    def __call__(self, item: dict[str, Any]) -> tuple[Article, list[Any]]:
        """The analysed article, and its flags before the flags stage ran (to re-time it)."""
        art = Article(id=item["id"], text=item["text"], published=item["published"],
                      lang=item["lang"])
        for _, fn in self.before:
            art = fn(art)
        earlier = list(art.flags)
        t0 = time.process_time()  # CPU time: other jobs on the machine do not count
        art = self.flags_stage(art)
        self.flag_seconds += time.process_time() - t0
        return art, earlier

    def retime(self, kept: list[tuple[Article, list[Any]]], passes: int = 3) -> float:
        """Seconds per article of the flags stage alone, the best of ``passes`` passes (the
        first pass above may include cold caches and a busy machine)."""
        best = float("inf")
        for _ in range(passes):
            t0 = time.process_time()
            for art, earlier in kept:
                art.flags = list(earlier)
                self.flags_stage(art)
            best = min(best, time.process_time() - t0)
        return best / max(1, len(kept))


def evidence_right(expect: dict[str, Any], raised: list[dict[str, Any]]) -> bool | None:
    """Whether a raised flag's evidence names what the alteration changed (None: nothing
    to compare)."""
    ev = expect.get("evidence") or {}
    if "likely_original" in ev:
        want = fold(ev["likely_original"])
        return any(fold(str(f["evidence"].get("likely_original", ""))) == want for f in raised)
    if "person" in ev:
        return any(f["evidence"].get("person") == ev["person"] for f in raised)
    if "anchor" in ev:
        return any(f["evidence"].get("anchor") == ev["anchor"] for f in raised)
    return None


def quantiles(xs: list[float]) -> dict[str, float]:
    if not xs:
        return {}
    xs = sorted(xs)
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]  # noqa: E731
    return {"mean": round(statistics.fmean(xs), 3), "p10": q(0.1), "median": q(0.5),
            "p90": q(0.9), "share_ge_0.5": round(sum(x >= 0.5 for x in xs) / len(xs), 3)}


def evaluate(items: list[dict[str, Any]], show: int) -> dict[str, Any]:
    run = TimedPipeline()
    # Warm up (lazy models, the KB, compiled regexes, word caches) before timing anything.
    for item in [i for i in items if i["corpus"] == "detik"][:50]:
        run(item)
    run.flag_seconds = 0.0
    kept: list[tuple[Article, list[Any]]] = []
    failed: list[str] = []
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    ev_ok: Counter[str] = Counter()
    ev_n: Counter[str] = Counter()
    by_alt: dict[str, dict[str, Any]] = defaultdict(lambda: {"n": 0, "caught": 0, "any": 0,
                                                              "scores": [], "kinds": Counter()})
    examples: dict[str, list[str]] = defaultdict(list)
    breakdown: dict[str, Counter[str]] = defaultdict(Counter)
    detik_flag_s, detik_n = 0.0, 0
    t0 = time.perf_counter()
    for item in items:
        before = run.flag_seconds
        try:
            art, earlier = run(item)
        except Exception as err:  # noqa: BLE001 (one broken item must not stop the measurement)
            failed.append(f"{item['id']}: {type(err).__name__}: {err}")
            continue
        if item["corpus"] == "detik" and item["alteration"] == "clean":
            detik_flag_s += run.flag_seconds - before
            detik_n += 1
            kept.append((art, earlier))
        raised: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in art.flags:
            raised[f.kind].append({"message": f.message, "evidence": f.evidence})
        expected = {e["kind"]: e for e in item["expect"]}
        for kind in set(raised) | set(expected):
            if kind in raised and kind in expected:
                tp[kind] += 1
                right = evidence_right(expected[kind], raised[kind])
                if right is not None:
                    ev_n[kind] += 1
                    ev_ok[kind] += right
            elif kind in raised:
                fp[kind] += 1
                if len(examples[f"FP {kind}"]) < show:
                    examples[f"FP {kind}"].append(f"{item['id']}: {raised[kind][0]['message']}")
            else:
                fn[kind] += 1
                if len(examples[f"FN {kind} ({item['alteration']})"]) < show:
                    examples[f"FN {kind} ({item['alteration']})"].append(
                        f"{item['id']} {item['published']}: {item['detail']}")
        a = by_alt[item["alteration"] if item["alteration"] != "clean" else f"clean_{item['corpus']}"]
        a["n"] += 1
        a["caught"] += bool(expected) and all(k in raised for k in expected)
        a["any"] += bool(raised)
        a["scores"].append((art.trust or {}).get("stale_score", 0.0))
        a["kinds"].update(list(raised))
        for key in BREAKDOWN:
            if key in item["detail"] and expected:
                label = f"{item['alteration']} {key}={item['detail'][key]}"
                breakdown[label]["n"] += 1
                breakdown[label]["caught"] += all(k in raised for k in expected)
    elapsed = time.perf_counter() - t0
    flags_best = run.retime(kept)
    per_kind = {}
    for k in sorted(set(tp) | set(fp) | set(fn), key=lambda k: (k not in KINDS, k)):
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else None
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else None
        per_kind[k] = {"tp": tp[k], "fp": fp[k], "fn": fn[k],
                       "precision": round(p, 3) if p is not None else None,
                       "recall": round(r, 3) if r is not None else None,
                       "evidence_right": round(ev_ok[k] / ev_n[k], 3) if ev_n[k] else None}
    alterations = {}
    for name, a in by_alt.items():
        alterations[name] = {"n": a["n"], "caught": a["caught"], "any_flag": a["any"],
                             "stale_score": quantiles(a["scores"]),
                             "flags": dict(a["kinds"].most_common())}
    return {"breakdown": {k: dict(v) for k, v in sorted(breakdown.items())},
            "items": len(items), "failed": failed, "seconds": round(elapsed, 1),
            "flags_stage_ms_per_detik_article": round(1000 * detik_flag_s / max(1, detik_n), 4),
            "flags_stage_ms_per_detik_article_best_of_3": round(1000 * flags_best, 4),
            "per_kind": per_kind, "alterations": alterations, "examples": examples}


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def markdown(res: dict[str, Any]) -> str:
    lines = ["| flag | precision | recall | evidence right | TP | FP | FN |",
             "|---|---|---|---|---|---|---|"]
    for k, v in res["per_kind"].items():
        lines.append(f"| `{k}` | {pct(v['precision'])} | {pct(v['recall'])} | "
                     f"{pct(v['evidence_right'])} | {v['tp']} | {v['fp']} | {v['fn']} |")
    lines += ["", "| items | n | caught (all expected flags) | any flag | stale score mean | "
              "median | p90 | score ≥ 0.5 |", "|---|---|---|---|---|---|---|---|"]
    for name, a in sorted(res["alterations"].items(),
                          key=lambda kv: (not kv[0].startswith("clean"), kv[0] in CONTROLS, kv[0])):
        s = a["stale_score"]
        control = name.startswith("clean") or name in CONTROLS
        caught = "– (control)" if control else f"{a['caught']} ({pct(a['caught'] / a['n'])})"
        lines.append(f"| {name} | {a['n']} | {caught} | {a['any_flag']} ({pct(a['any_flag'] / a['n'])})"
                     f" | {s.get('mean', 0):.2f} | {s.get('median', 0):.2f} | {s.get('p90', 0):.2f}"
                     f" | {pct(s.get('share_ge_0.5'))} |")
    if res.get("breakdown"):
        lines += ["", "| altered items by what was done | n | caught |", "|---|---|---|"]
        for label, c in res["breakdown"].items():
            lines.append(f"| {label} | {c['n']} | {c['caught']} ({pct(c['caught'] / c['n'])}) |")
    lines += ["", "False positives on genuine articles (articles with any flag):", ""]
    for corpus in ("clean_gold", "clean_detik"):
        a = res["alterations"].get(corpus)
        if a:
            kinds = ", ".join(f"{k} {n}" for k, n in a["flags"].items()) or "none"
            lines.append(f"- {corpus.removeprefix('clean_')}: {a['any_flag']}/{a['n']} "
                         f"({pct(a['any_flag'] / a['n'])}); by kind: {kinds}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--set", default="/tmp/warta-trust/trust_set.jsonl",
                    help="the labelled set (built here when missing)")
    ap.add_argument("--rebuild", action="store_true", help="build the set even if it exists")
    ap.add_argument("--per-kind", type=int, default=120)
    ap.add_argument("--show", type=int, default=0, help="print N examples of each error")
    ap.add_argument("--out", default=str(ROOT / "bench" / "trust_results.json"))
    args = ap.parse_args()
    path = Path(args.set)
    if path.resolve().is_relative_to(ROOT):
        print("eval_trust: keep the set (gold and Detik text) outside the repository",
              file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    if args.rebuild or not path.exists():
        try:
            build_set(Path(args.shared), path, args.per_kind)
        except OSError as err:
            print(f"eval_trust: cannot build the set from {args.shared}: {err}", file=sys.stderr)
            return 2
    items = load_set(path)
    res = evaluate(items, args.show)
    res["total_seconds"] = round(time.perf_counter() - t0, 1)
    print(markdown(res))
    for f in res["failed"]:
        print(f"eval_trust: item failed: {f}", file=sys.stderr)
    print(f"\n{res['items']} items analysed in {res['seconds']} s "
          f"(total {res['total_seconds']} s); flags stage CPU per Detik article: "
          f"{res['flags_stage_ms_per_detik_article']:.3f} ms in the run, "
          f"{res['flags_stage_ms_per_detik_article_best_of_3']:.3f} ms best of 3 passes")
    if args.show:
        for key, exs in sorted(res["examples"].items()):
            print(f"\n{key}:")
            for e in exs:
                print(f"  {e}"[:400])
    figures = {k: v for k, v in res.items() if k != "examples"}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
