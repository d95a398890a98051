"""A bounded load test of `warta serve` on loopback (`make load`).

Starts the server in its own process on a free port, warms it up (the first analysis loads
the models), sends N analyse requests at concurrency C with httpx's async client, then stops
the server and prints latency percentiles, requests per second and errors. With --db it
also runs the corpus queries the page makes, as a second phase.

    .venv/bin/python scripts/load.py                      # 2,000 requests, concurrency 20
    .venv/bin/python scripts/load.py -n 500 -c 8 --db warta.duckdb

Exits 1 if any request failed (a non-2xx status or a transport error), 0 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles.jsonl"
CORPUS_URLS = ["/api/articles?limit=20", "/api/events?limit=15", "/api/stats/timeline",
               "/api/stats/top", "/api/quotes?speaker=a", "/api/events?country=IDN&limit=15"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bodies() -> list[dict[str, Any]]:
    """Request bodies from the bundled example articles (text, date and language)."""
    out = []
    with EXAMPLES.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append({k: rec[k] for k in ("text", "published", "lang", "title") if rec.get(k)})
    return out


def start_server(port: int, db: str | None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "warta.cli", "serve", "--port", str(port)]
    if db:
        cmd += ["--db", db]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def wait_up(base: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"load: the server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("load: the server did not come up in time")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[k]


async def run_phase(base: str, n: int, concurrency: int, make_request: Any, timeout: float
                    ) -> dict[str, Any]:
    """n requests, at most ``concurrency`` in flight; latencies in seconds."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(n))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        async def worker() -> None:
            for i in counter:
                t0 = time.perf_counter()
                try:
                    resp = await make_request(client, i)
                    if resp.status_code >= 300:
                        key = f"HTTP {resp.status_code}"
                        errors[key] = errors.get(key, 0) + 1
                        continue
                except httpx.HTTPError as err:
                    key = type(err).__name__
                    errors[key] = errors.get(key, 0) + 1
                    continue
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    latencies.sort()
    return {"requests": n, "ok": len(latencies), "errors": errors, "seconds": elapsed,
            "rps": n / elapsed if elapsed else 0.0, "p50": percentile(latencies, 0.50),
            "p90": percentile(latencies, 0.90), "p99": percentile(latencies, 0.99),
            "max": latencies[-1] if latencies else float("nan")}


def report(name: str, r: dict[str, Any], concurrency: int) -> str:
    errs = sum(r["errors"].values())
    detail = f" ({', '.join(f'{k}: {v}' for k, v in r['errors'].items())})" if errs else ""
    return (f"{name}: {r['requests']:,} requests at concurrency {concurrency} in "
            f"{r['seconds']:.1f} s = {r['rps']:,.1f} requests/s; latency p50 "
            f"{r['p50'] * 1000:.0f} ms, p90 {r['p90'] * 1000:.0f} ms, p99 {r['p99'] * 1000:.0f} ms, "
            f"max {r['max'] * 1000:.0f} ms; errors {errs}{detail}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--requests", type=int, default=2000, help="analyse requests (2000)")
    ap.add_argument("-c", "--concurrency", type=int, default=20, help="requests in flight (20)")
    ap.add_argument("--db", help="also load the corpus routes of this database")
    ap.add_argument("--corpus-requests", type=int, default=1000)
    ap.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args(argv)
    if args.db and not os.path.exists(args.db):
        ap.error(f"{args.db}: no such database")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, args.db)
    results: dict[str, Any] = {}
    try:
        wait_up(base, server, timeout=60)
        payloads = bodies()
        t0 = time.perf_counter()
        warm = httpx.post(base + "/api/analyze", json=payloads[0], timeout=120)
        warm.raise_for_status()
        print(f"load: server up on {base}; first analysis (loads the models) took "
              f"{time.perf_counter() - t0:.1f} s", flush=True)

        async def analyse(client: httpx.AsyncClient, i: int) -> httpx.Response:
            return await client.post("/api/analyze", json=payloads[i % len(payloads)])

        results["analyze"] = asyncio.run(run_phase(base, args.requests, args.concurrency,
                                                   analyse, args.timeout))
        print(report("analyze", results["analyze"], args.concurrency), flush=True)
        if args.db:
            async def browse(client: httpx.AsyncClient, i: int) -> httpx.Response:
                return await client.get(CORPUS_URLS[i % len(CORPUS_URLS)])

            results["corpus"] = asyncio.run(run_phase(base, args.corpus_requests,
                                                      args.concurrency, browse, args.timeout))
            print(report("corpus", results["corpus"], args.concurrency), flush=True)
    finally:
        stop_server(server)
    if args.json:
        print(json.dumps(results, indent=2))
    failed = sum(sum(r["errors"].values()) for r in results.values())
    if failed:
        print(f"load: FAILED — {failed} request(s) did not succeed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
