"""How fast is whole-process extraction next to a whole-process bare jieba segmentation?

Writes at least 2 MB of real report text (the seeds and dev excerpts from
../shared, repeated; read at run time, written only to a temporary folder),
then times, median of N runs each, taking turns so machine load hits all alike:

- extract: `govkg extract DIR --format jsonl` in a fresh process, one worker;
- extract2: the same with `--workers 2`;
- jieba: a fresh Python process that imports jieba and cuts every file.

Prints wall-clock and CPU seconds (the children's user + system time), the
ratios: extract / jieba (target <= 3) and extract / extract2 (target >= 1.7),
and the load average before and after (the machine is shared: other jobs slow
the two-worker run most).

    .venv/bin/python bench/extract_speed.py [--mb 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PYTHON = sys.executable
GOVKG = str(Path(PYTHON).with_name("govkg"))
BARE = "import sys, jieba\njieba.setLogLevel(60)\nfor p in sys.argv[1:]:\n    list(jieba.cut(open(p, encoding='utf-8').read()))\n"


def write_corpus(folder: Path, megabytes: float) -> list[Path]:
    """Copies of the seed and dev texts until their total reaches `megabytes` of UTF-8."""
    texts = [p.read_text(encoding="utf-8") for d in ("seeds", "dev") for p in sorted((SHARED / d).glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no report texts under {SHARED}/seeds or {SHARED}/dev")
    paths: list[Path] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text in texts:
            # a run number keeps each copy's text distinct, so no copy is taken for a duplicate
            body = f"{text}\n（第{len(paths)}份）\n"
            path = folder / f"r{len(paths):05d}.txt"
            path.write_text(body, encoding="utf-8")
            paths.append(path)
            size += len(body.encode("utf-8"))
    return paths


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder, args.mb)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        jobs = {
            "extract": [GOVKG, "extract", str(folder), "--format", "jsonl"],
            "extract2": [GOVKG, "extract", str(folder), "--format", "jsonl", "--workers", "2"],
            "jieba": [PYTHON, "-c", BARE, *map(str, paths)],
        }
        wall: dict[str, list[float]] = {k: [] for k in jobs}
        cpu: dict[str, list[float]] = {k: [] for k in jobs}
        env_note = os.cpu_count()
        load_before = os.getloadavg()
        for _ in range(args.runs):
            for name, cmd in jobs.items():
                w, c = run(cmd)
                wall[name].append(w)
                cpu[name].append(c)
    load_after = os.getloadavg()
    med = {k: statistics.median(v) for k, v in wall.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"{len(paths)} files, {chars:,} characters, {args.runs} runs, {env_note} cores")
    for name in jobs:
        runs = ", ".join(f"{w:.1f}" for w in wall[name])
        print(f"{name:<9} wall median {med[name]:6.1f} s ({runs})  cpu median {med_cpu[name]:6.1f} s  {chars / med[name]:,.0f} chars/s")
    print(f"extract / jieba (wall): {med['extract'] / med['jieba']:.2f}   (cpu: {med_cpu['extract'] / med_cpu['jieba']:.2f})   target <= 3")
    print(f"one worker / two workers (wall): {med['extract'] / med['extract2']:.2f}   target >= 1.7")
    print("load average (1, 5, 15 min): before " + " ".join(f"{x:.2f}" for x in load_before)
          + ", after " + " ".join(f"{x:.2f}" for x in load_after))


if __name__ == "__main__":
    main()
