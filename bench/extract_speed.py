"""How fast is full extraction next to bare jieba segmentation?

Builds a text of at least 2 MB by repeating the example reports (or the seed
reports when there are no examples; nothing from them is written anywhere),
cuts it into report-sized chunks, and times, median of 3 runs each:

- full: extract.api.extract_source on every chunk;
- bare: list(jieba.cut(chunk)) on the same chunks.

Prints chars/s for both and their ratio (target: full <= 2x bare).

    .venv/bin/python bench/extract_speed.py [--mb 2] [--runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEEDS = Path("/work/shared/seeds")


def report_texts() -> list[str]:
    """Cleaned texts of the example reports (all formats), else of the seeds."""
    from extract.read import read_source

    paths = sorted(p for p in (ROOT / "examples").glob("*") if p.suffix in (".txt", ".docx", ".html", ".htm", ".pdf"))
    if not paths:
        paths = sorted(SEEDS.glob("*.txt"))
    return [read_source(p).text for p in paths]


def chunks(texts: list[str], megabytes: float) -> list[str]:
    """Whole reports, repeated until their total reaches `megabytes` of UTF-8."""
    out: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def timed(runs: int, *jobs: Callable[[], object]) -> tuple[list[float], list[float]]:
    """Median wall-clock and CPU time of each job; the jobs take turns so a change in machine
    load hits both. CPU time leaves out the waits for a core on a shared machine."""
    wall: list[list[float]] = [[] for _ in jobs]
    cpu: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for i, job in enumerate(jobs):
            start, start_cpu = time.perf_counter(), time.process_time()
            job()
            wall[i].append(time.perf_counter() - start)
            cpu[i].append(time.process_time() - start_cpu)
    return [statistics.median(t) for t in wall], [statistics.median(t) for t in cpu]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the text in MB (UTF-8)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one full run instead")
    args = parser.parse_args()

    import jieba

    from extract.api import extract_source
    from extract.document import SourceText
    from extract.nlp.pipeline import build_nlp

    jieba.initialize()
    build_nlp()
    parts = chunks(report_texts(), args.mb)
    sources = [SourceText(path=f"bench-{i}.txt", text=t, format="txt") for i, t in enumerate(parts)]
    chars = sum(len(t) for t in parts)
    mb = sum(len(t.encode("utf-8")) for t in parts) / 1e6

    def full() -> None:
        for src in sources:
            extract_source(src)

    def bare() -> None:
        for text in parts:
            list(jieba.cut(text))

    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("full()", globals(), {"full": full}, "/tmp/extract_speed.prof")
        pstats.Stats("/tmp/extract_speed.prof").sort_stats("cumulative").print_stats(30)
        return
    bare()  # warm caches once
    load_before = os.getloadavg()
    (t_bare, t_full), (cpu_bare, cpu_full) = timed(args.runs, bare, full)
    load_after = os.getloadavg()
    print(f"text: {mb:.2f} MB, {chars} chars in {len(parts)} reports; median of {args.runs} runs")
    print("load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}, after: {:.2f} {:.2f} {:.2f}".format(*load_before, *load_after))
    print(f"bare jieba.cut : {chars / t_bare:>12,.0f} chars/s  ({t_bare:.2f} s)")
    print(f"full extraction: {chars / t_full:>12,.0f} chars/s  ({t_full:.2f} s)")
    print(f"ratio full/bare: {t_full / t_bare:.2f}x (target <= 2x)")
    print(f"CPU time ratio : {cpu_full / cpu_bare:.2f}x ({cpu_bare:.2f} s bare, {cpu_full:.2f} s full)")


if __name__ == "__main__":
    main()
