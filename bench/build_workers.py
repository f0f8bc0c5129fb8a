"""Parallel extraction speed-up: `govkg build --workers N` extraction, 1 worker vs N.

Copies the example reports into a temporary folder until it holds at least
--megabytes of text, then times `extract_all` (the build's extraction step,
process start-up included) with 1 worker and with N, median of --runs, and
prints reports/s for both and the speed-up.

    .venv/bin/python bench/build_workers.py --workers 2 --runs 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from govkg.build import collect, extract_all

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def make_corpus(folder: Path, megabytes: float) -> list[str]:
    sources = collect([EXAMPLES])
    total, copy = 0, 0
    while total < megabytes * 1_000_000:
        for src in sources:
            target = folder / f"{copy:04d}-{Path(src).name}"
            shutil.copyfile(src, target)
            total += target.stat().st_size
        copy += 1
    return collect([folder])


def timed(sources: list[str], workers: int) -> float:
    start = time.perf_counter()
    failed = sum(result.graph is None for result in extract_all(sources, workers=workers))
    elapsed = time.perf_counter() - start
    if failed:
        raise SystemExit(f"{failed} reports failed to extract")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=3.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = make_corpus(Path(tmp), args.megabytes)
        print(f"corpus: {len(sources)} reports, {sum(Path(s).stat().st_size for s in sources) / 1e6:.1f} MB")
        serial = [timed(sources, 1) for _ in range(args.runs)]
        parallel = [timed(sources, args.workers) for _ in range(args.runs)]
    s, p = statistics.median(serial), statistics.median(parallel)
    print(
        f"1 worker : median {s:.2f} s  ({len(sources) / s:.1f} reports/s)  runs {[round(x, 2) for x in serial]}"
    )
    print(
        f"{args.workers} workers: median {p:.2f} s  ({len(sources) / p:.1f} reports/s)  runs {[round(x, 2) for x in parallel]}"
    )
    print(f"speed-up: {s / p:.2f}x (target >= 1.7x with 2 workers)")


if __name__ == "__main__":
    main()
