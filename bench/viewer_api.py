"""Viewer API latency on a synthetic graph of 100,000 entities and 300,000 relations.

Loads the graph into each store (embedded; Neo4j when a URI is given), then times
requests through the Flask test client exactly as the viewer's JavaScript sends
them: search-as-you-type, one-hop expansion in the explorer, and the entity
details call. Prints p50/p95 per call per store. Target: p95 <= 50 ms for search
and expansion on both stores. "search-digits" times queries with digits in them
(the synthetic names' serial numbers), which the Neo4j store answers by a scan.

    NEO4J_PORT=7712 scripts/neo4j start
    .venv/bin/python -m bench.viewer_api --neo4j-uri bolt://127.0.0.1:7712

The Neo4j database given is CLEARED first (use a dedicated instance). The graph
is bench/load_neo4j.py's synthetic one (generated names only).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from urllib.parse import quote

from bench.load_neo4j import synthetic_graph
from graph.model import RELATION_TYPES, Graph
from graph.store.base import GraphStore
from web import create_app

EXPAND_TYPES = "".join(f"&type={t}" for t in RELATION_TYPES if t != "MENTIONS")  # the explorer's default


def load(store: GraphStore, parts: list[Graph], reuse: bool) -> float:
    """Save the synthetic reports (seconds taken; 0 when an identical graph was kept)."""
    entities = len({eid for g in parts for eid in g.entities})
    relations = sum(len(g.relations) for g in parts)
    stats = store.stats()
    if reuse and stats["entities"] == entities and stats["relations"] == relations:
        return 0.0
    store.clear()
    started = time.perf_counter()
    batch = getattr(store, "batch", None)  # the embedded store writes its file once per batch
    if batch is not None:
        with batch():
            for part in parts:
                store.save(part)
    else:
        for part in parts:
            store.save(part)
    elapsed = time.perf_counter() - started
    stats = store.stats()
    if (stats["entities"], stats["relations"]) != (entities, relations):
        raise SystemExit(f"{store.name}: stored {stats['entities']}/{stats['relations']}, "
                         f"expected {entities}/{relations}")
    return elapsed


def timed(client, urls: list[str]) -> list[float]:
    """Milliseconds per request; every response must be 200."""
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.get_data(as_text=True)[:200]}")
    return times


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def typed_text(rnd: random.Random, name: str) -> str:
    """What a person types to find a name: 2-4 Chinese characters out of it (synthetic
    names carry serial numbers, which nobody types)."""
    runs = [run for run in re.findall(r"[\u3400-\u9fff]+", name) if len(run) >= 2]
    run = rnd.choice(runs)
    size = rnd.randint(2, min(4, len(run)))
    start = rnd.randint(0, len(run) - size)
    return run[start : start + size]


def workloads(parts: list[Graph], requests: int, seed: int) -> dict[str, list[str]]:
    """The URLs each call is timed with, the same for every store."""
    rnd = random.Random(seed)
    entities = sorted({e.id: e for g in parts for e in g.entities.values()}.values(), key=lambda e: e.id)
    picks = [rnd.choice(entities) for _ in range(requests)]
    typed = [typed_text(rnd, e.name) for e in picks]
    mixed = [e.name[: rnd.randint(3, 4)] for e in picks[: max(20, requests // 5)]]  # stem + digits
    return {
        "search": [f"/api/search?limit=12&q={quote(text)}" for text in typed],
        "search-digits": [f"/api/search?limit=12&q={quote(text)}" for text in mixed],
        "expand": [f"/api/entity/{e.id}/neighbours?depth=1&limit=500{EXPAND_TYPES}" for e in picks[::-1]],
        "entity": [f"/api/entity/{e.id}" for e in rnd.sample(picks, len(picks))],
    }


def bench_store(name: str, store: GraphStore, parts: list[Graph], urls: dict[str, list[str]],
                reuse: bool) -> dict[str, dict[str, float]]:
    seconds = load(store, parts, reuse)
    stats = store.stats()
    print(f"{name}: {stats['entities']:,} entities, {stats['relations']:,} relations"
          + (f" loaded in {seconds:.0f} s" if seconds else " (kept from an earlier run)"), flush=True)
    client = create_app({"STORE": store, "TESTING": True}).test_client()
    results = {}
    for call, call_urls in urls.items():
        timed(client, call_urls[:20])  # warm caches and connections
        times = timed(client, call_urls)
        results[call] = {"n": len(times), "p50_ms": round(percentile(times, 50), 2),
                         "p95_ms": round(percentile(times, 95), 2), "max_ms": round(max(times), 2)}
        row = results[call]
        print(f"  {call:<13} n={row['n']:<4}  p50 {row['p50_ms']:7.2f} ms   p95 {row['p95_ms']:7.2f} ms   "
              f"max {row['max_ms']:7.1f} ms", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--requests", type=int, default=500, help="timed requests per call (>= 500 for the record)")
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI"))
    parser.add_argument("--data-dir", help="embedded store dir (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="keep a store that already holds the same graph")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)

    parts = synthetic_graph(args.entities, args.relations, args.reports)
    urls = workloads(parts, args.requests, args.seed)
    opened: dict[str, Callable[[], GraphStore]] = {}
    wanted = [s.strip() for s in args.stores.split(",") if s.strip()]
    if "embedded" in wanted:
        from graph.store.embedded import EmbeddedStore

        data_dir = args.data_dir or tempfile.mkdtemp(prefix="govkg-viewer-bench-")
        opened["embedded"] = lambda: EmbeddedStore(data_dir)
    if "neo4j" in wanted:
        if not args.neo4j_uri:
            print("neo4j: skipped (no --neo4j-uri / NEO4J_URI)", file=sys.stderr)
        else:
            from graph.store import open_store

            opened["neo4j"] = lambda: open_store("neo4j", uri=args.neo4j_uri)
    figures = {}
    for name, opener in opened.items():
        store = opener()
        try:
            figures[name] = bench_store(name, store, parts, urls, args.reuse)
        finally:
            store.close()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)
    misses = [f"{store} {call} p95 {row['p95_ms']} ms" for store, calls in figures.items()
              for call, row in calls.items() if call in ("search", "expand") and row["p95_ms"] > 50]
    # "search-digits" is reported, not targeted: see docs/viewer.md
    print("target p95 <= 50 ms for search and expansion: " + ("met" if not misses else "MISSED: " + "; ".join(misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
