"""Open-time benchmark of the embedded store at 100,000 entities / 300,000 relations.

Builds the synthetic graph of bench/load_neo4j.py into an embedded store once,
then opens the store file `--runs` times, each in a fresh Python process (as
`govkg stats` or the viewer's start does: reading and ingesting the whole file,
imports not counted), and prints each time (wall clock and the process's CPU,
which the machine's other jobs disturb less) and the medians, the file's size and
the time of one more report's save (a full rewrite).

    .venv/bin/python -m bench.load_embedded --runs 7

Only the public EmbeddedStore API is used, so the same script measures any
version of the store (run it from a checkout of the older commit for "before").
All names are generated; nothing here comes from real reports.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_neo4j import _load_average, synthetic_graph  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402

_OPEN = """
import sys, time
from graph.store.embedded import EmbeddedStore
started, cpu = time.perf_counter(), time.process_time()
store = EmbeddedStore(sys.argv[1])
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
stats = store.stats()
print(elapsed, cpu, stats["entities"], stats["relations"])
"""


def _open_in_fresh_process(data_dir: str) -> tuple[float, float, int, int]:
    """Wall and CPU seconds to open the store in a new interpreter (imports not counted), and its counts."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root}
    out = subprocess.run([sys.executable, "-c", _OPEN, data_dir], check=True, capture_output=True, text=True,
                         cwd=root, env=env).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    parts = synthetic_graph(args.entities, args.relations, args.reports)
    with tempfile.TemporaryDirectory(prefix="govkg-bench-embedded-") as tmp:
        store = EmbeddedStore(tmp)
        with store.batch():
            for part in parts[:-1]:
                store.save(part)
        started = time.perf_counter()
        store.save(parts[-1])  # one more report: the whole file is written again
        save = time.perf_counter() - started
        size = store.path.stat().st_size
        store.close()
        del store, parts
        gc.collect()
        times, cpus = [], []
        for run in range(1, args.runs + 1):
            load_before = _load_average()
            elapsed, cpu, entities, relations = _open_in_fresh_process(tmp)
            times.append(elapsed)
            cpus.append(cpu)
            print(f"open {run}: {elapsed:.2f} s, CPU {cpu:.2f} s ({entities} entities, {relations} relations; "
                  f"load average {load_before} -> {_load_average()})", flush=True)
    print(f"file {size / 1e6:.0f} MB; save of one report incl. full file write {save:.2f} s")
    print(f"open median: {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
          f"{len(times)} runs); CPU median {statistics.median(cpus):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
