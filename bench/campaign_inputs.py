"""The hostile-input campaign of issue 14 (reading, walking, identity, limits, noise), re-run.

Makes every hostile file itself in a temporary folder (fictional text,
tests/fixtures/hostile_files.py), runs the real `govkg` command line on it in a
subprocess next to a good report, and checks what a user sees: exit status, one
line naming the file and the cause, the good report loaded, time and peak memory.
Prints a table: case, tried, passed, failed (a variant counts as passed when all
its checks hold; failed checks are listed under the table).

    .venv/bin/python bench/campaign_inputs.py [--only NAME ...]

Takes a few minutes (each run builds the NLP pipeline once). Run as root, the
permission cases drop the capabilities that let root read anything (setpriv).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures import hostile_files as hostile  # noqa: E402

GOOD = "青禾镇2023年工作总结\n2023年，青禾镇樟木村获评省级美丽乡村示范村，全年新建通组公路18公里。\n"
GOOD_EDITED = "青禾镇2023年工作总结\n2023年，青禾镇白沙村获评省级美丽乡村示范村，全年新建通组公路18公里。\n"
OTHER = "柳河乡2024年工作总结\n2024年，柳河乡石桥村引进青禾竹木制品有限公司，投资1.2亿元建设竹材加工项目。\n"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # largest resident size of the command or any of its workers


@dataclass
class Variant:
    name: str
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.failures.append(what)


def unprivileged() -> list[str]:
    """Root keeps its uid but loses the capabilities that bypass file permissions."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise SystemExit("running as root without setpriv: the permission cases cannot run")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def govkg(args: list[str], cwd: Path, env: dict[str, str] | None = None, drop: bool = False, timeout: float = 900) -> Run:
    """Run `python -m govkg.cli ARGS` and measure it (wait4 gives the peak RSS of it and its workers)."""
    command = [*(unprivileged() if drop else []), sys.executable, "-m", "govkg.cli", *args]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=full_env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read().decode(), err.read().decode(), seconds, usage.ru_maxrss / 1024)


def store_args(data: Path) -> list[str]:
    return ["--store", "embedded", "--data-dir", str(data), "--no-analyze"]


def failed_lines(run: Run) -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith("  failed: ")]


class Campaign:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.baseline: Run | None = None
        self.count = 0

    def fresh(self) -> Path:
        self.count += 1
        path = self.folder / f"case{self.count:02d}"
        path.mkdir()
        (path / "good.txt").write_text(GOOD, encoding="utf-8")
        return path

    def base(self) -> Run:
        """A build of the good report alone: the time and memory every run pays."""
        if self.baseline is None:
            case = self.fresh()
            self.baseline = govkg(["build", str(case / "good.txt"), *store_args(case / "data")], case)
        return self.baseline

    def bad_file(
        self,
        name: str,
        filename: str,
        content: bytes,
        cause: str,
        args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
        seconds: float = 60,
        extra_mb: float | None = None,
    ) -> Variant:
        """Build the hostile file with a good one: exit 1, one line naming the file and the cause,
        the good report loaded, within `seconds` beyond a plain build (and `extra_mb` of memory)."""
        variant = Variant(name)
        case = self.fresh()
        bad = case / filename
        bad.write_bytes(content)
        run = govkg(["build", str(bad), str(case / "good.txt"), *args, *store_args(case / "data")], case, env=env)
        self.checks(variant, run, [(str(bad), cause)], seconds, extra_mb)
        return variant

    def checks(
        self, variant: Variant, run: Run, expected: list[tuple[str, str]], seconds: float, extra_mb: float | None
    ) -> None:
        base = self.base()
        variant.check(run.code == 1, f"exit status {run.code}, not 1")
        lines = failed_lines(run)
        variant.check(len(lines) == len(expected), f"{len(lines)} failed lines, not {len(expected)}: {lines}")
        for path, cause in expected:
            variant.check(
                any(line.startswith(f"  failed: {path}: ") and cause in line for line in lines),
                f"no line '{path}: …{cause}…' in {lines}",
            )
        variant.check("reports read: 1 (new 1," in run.stdout, f"the good report was not loaded: {run.stdout[:300]}")
        variant.check("Traceback" not in run.stderr, "a traceback on stderr")
        took = run.seconds - base.seconds
        variant.check(took < seconds, f"took {took:.1f} s beyond a plain build (bound {seconds:g} s)")
        if extra_mb is not None:
            more = run.peak_mb - base.peak_mb
            variant.check(more < extra_mb, f"peak memory {run.peak_mb:.0f} MB, {more:.0f} MB over a plain build")
        variant.name += f" ({took:+.1f} s, peak {run.peak_mb:.0f} MB)"


CaseFn = Callable[[Campaign], list[Variant]]


def zip_bomb(c: Campaign) -> list[Variant]:
    data = hostile.zip_bomb_docx(unpacked_mb=800)
    name = f"{len(data) / 1024:.0f} KB .docx unpacking to 800 MB"
    return [c.bad_file(name, "bomb.docx", data, ".docx unpacks to 800 MB (limit 100 MB)", seconds=10, extra_mb=100)]


def paragraph_heavy(c: Campaign) -> list[Variant]:
    out = []
    for what, line in (("naming no place", "第{}项工作已完成。"), ("each naming the town", "青禾镇第{}项工作完成。")):
        small = hostile.paragraph_heavy_docx(paragraphs=45_000, styles=300, line=line)
        variant = Variant(f"{len(small) / 1024:.0f} KB .docx, 45,000 short paragraphs {what}, 300-style chain")
        case = c.fresh()
        (case / "p.docx").write_bytes(small)
        run = govkg(["build", str(case / "p.docx"), str(case / "good.txt"), *store_args(case / "data")], case)
        took = run.seconds - c.base().seconds
        variant.check(run.code == 0 and "reports read: 2 (new 2," in run.stdout, f"not both loaded: {run.stdout[:300]}")
        variant.check(took < 30, f"took {took:.1f} s beyond a plain build")
        variant.name += f" ({took:+.1f} s)"
        out.append(variant)
    big = hostile.paragraph_heavy_docx(paragraphs=300_000, styles=300)
    with zipfile.ZipFile(io.BytesIO(big)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist()) / 1e6
    out.append(
        c.bad_file(
            f"{len(big) / 1024:.0f} KB .docx, {unpacked:.0f} MB of XML in 300,000 paragraphs: refused",
            "big.docx", big, "text too long (", seconds=30,
        )
    )
    return out


def deep_html(c: Campaign) -> list[Variant]:
    variant = Variant("HTML nested 300 levels: read")
    case = c.fresh()
    (case / "deep.html").write_bytes(hostile.deep_html(300))
    run = govkg(["extract", str(case / "deep.html")], case)
    variant.check(run.code == 0 and "新建通组公路18公里" in run.stdout, f"not read: {run.stdout[:200]} {run.stderr[-300:]}")
    return [
        variant,
        c.bad_file("HTML nested 3,000 levels: refused", "deeper.html", hostile.deep_html(3000), "HTML nested too deeply"),
    ]


def long_text(c: Campaign) -> list[Variant]:
    return [
        c.bad_file(
            "1,000,001 characters", "long.txt", hostile.long_text(1_000_001),
            "text too long (1,000,001 characters > 1,000,000 limit)",
        )
    ]


def one_byte(c: Campaign) -> list[Variant]:
    return [c.bad_file("1-byte file", "one.txt", b"a", "too short to be a report (1 character)")]


def nul_laden(c: Campaign) -> list[Variant]:
    return [c.bad_file("UTF-8 with NUL bytes", "nul.txt", hostile.nul_laden_utf8(), "UTF-8 text with 160 NUL bytes")]


def walk_problems(c: Campaign) -> list[Variant]:
    out = []
    for name, link, target, cause in (
        ("symlink loop (a link to itself)", "loop.txt", "loop.txt", "symlink loop"),
        ("symlink loop (a link to the folder above)", "sub/up", "..", "symlink loop (leads back to"),
        ("dangling link", "gone.txt", "missing.txt", "dangling symlink"),
    ):
        variant = Variant(name)
        case = c.fresh()
        path = case / link
        path.parent.mkdir(exist_ok=True)
        os.symlink(target, path)
        run = govkg(["build", str(case), *store_args(case / "data")], case)
        c.checks(variant, run, [(str(path), cause)], 60, None)
        out.append(variant)
    return out


def unreadable(c: Campaign) -> list[Variant]:
    out = []
    variant = Variant("unreadable subfolder")
    case = c.fresh()
    (case / "locked").mkdir()
    (case / "locked" / "other.txt").write_text(OTHER, encoding="utf-8")
    (case / "locked").chmod(0)
    try:
        run = govkg(["build", str(case), *store_args(case / "data")], case, drop=True)
    finally:
        (case / "locked").chmod(0o755)
    c.checks(variant, run, [(str(case / "locked"), "cannot read folder (Permission denied)")], 60, None)
    out.append(variant)

    variant = Variant("unreadable file on the command line")
    case = c.fresh()
    secret = case / "secret.txt"
    secret.write_text(OTHER, encoding="utf-8")
    secret.chmod(0)
    run = govkg(["build", str(secret), str(case / "good.txt"), *store_args(case / "data")], case, drop=True)
    c.checks(variant, run, [(str(secret), "cannot open file (Permission denied)")], 60, None)
    out.append(variant)
    return out


def same_file(c: Campaign) -> list[Variant]:
    from graph.store import open_store

    variant = Variant("`ex` then `$PWD/ex` with one report edited")
    case = c.fresh()
    (case / "ex").mkdir()
    (case / "ex" / "qinghe.txt").write_text(GOOD, encoding="utf-8")
    (case / "ex" / "liuhe.txt").write_text(OTHER, encoding="utf-8")
    first = govkg(["build", "ex", *store_args(case / "data")], case)
    variant.check("new 2, replaced 0" in first.stdout, f"first build: {first.stdout[:200]}")
    (case / "ex" / "qinghe.txt").write_text(GOOD_EDITED, encoding="utf-8")
    second = govkg(["build", str(case / "ex"), *store_args(case / "data")], case)
    variant.check("new 0, replaced 1, unchanged 1" in second.stdout, f"second build: {second.stdout[:200]}")
    store = open_store("embedded", data_dir=case / "data")
    try:
        names = {e.name for query in ("樟木村", "白沙村") for e in store.search(query)}
        reports = store.stats()["reports"]
    finally:
        store.close()
    variant.check("樟木村" not in names and "白沙村" in names, f"old facts still found, or new ones missing: {names}")
    variant.check(reports == 2, f"{reports} reports stored, not 2")

    twice = Variant("one file given as `ex/a.txt`, `$PWD/ex/a.txt` and a link")
    os.symlink("ex/liuhe.txt", case / "link.txt")
    run = govkg(
        ["build", "ex/liuhe.txt", str(case / "ex" / "liuhe.txt"), "link.txt", *store_args(case / "data2")], case
    )
    twice.check(run.code == 0 and "reports read: 1 (new 1," in run.stdout, f"not read once: {run.stdout[:300]}")
    twice.check(run.stdout.count("(read once)") == 2, "the two other names are not listed as read once")
    return [variant, twice]


def same_text(c: Campaign) -> list[Variant]:
    variant = Variant("identical texts under three paths")
    case = c.fresh()
    for name in ("copy1.txt", "copy2.txt"):
        (case / name).write_text(GOOD, encoding="utf-8")
    run = govkg(["build", str(case), *store_args(case / "data")], case)
    variant.check(run.code == 0 and "reports read: 1 (new 1," in run.stdout, f"not stored once: {run.stdout[:300]}")
    variant.check(run.stdout.count("(stored once)") == 2, f"duplicates not listed: {run.stdout[:400]}")
    return [variant]


def limits(c: Campaign) -> list[Variant]:
    return [
        c.bad_file(
            "over the time limit (--time-limit 2)", "slow.txt", hostile.long_text(600_000),
            "took longer than 2 s (time limit", args=("--time-limit", "2"),
        ),
        c.bad_file(
            "over the memory limit (300 MB zip let through, --memory-limit 256)", "heavy.docx",
            hostile.zip_bomb_docx(unpacked_mb=300), "needs more than 256 MB of memory",
            args=("--memory-limit", "256"), env={"GOVKG_MAX_UNZIPPED_BYTES": str(1024**3)},
        ),
    ]


def jieba_noise(c: Campaign) -> list[Variant]:
    out = []
    case = c.fresh()
    home, tmp = case / "home", case / "tmp"
    home.mkdir()
    tmp.mkdir()
    (tmp / "jieba.cache").write_bytes(b"")
    tmp.chmod(0o1777)  # sticky and someone else's, as /tmp: another user's file there cannot be replaced
    if os.geteuid() == 0:
        os.chown(tmp / "jieba.cache", 12345, 12345)  # another user's cache where jieba looks by default
        os.chown(tmp, 12346, 12346)
    home.chmod(0o555)
    env = {"HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": ""}
    for args in (["extract", str(case / "good.txt")], ["stats", "--store", "embedded", "--data-dir", str(case / "d")]):
        variant = Variant(f"`govkg {args[0]}` as a user who cannot write /tmp/jieba.cache or HOME")
        run = govkg(args, case, env=env, drop=True)
        variant.check(run.code == 0, f"exit status {run.code}")
        variant.check(run.stderr == "", f"stderr: {run.stderr[:300]!r}")
        out.append(variant)
    return out


CASES: dict[str, CaseFn] = {
    "zip bomb docx": zip_bomb,
    "paragraph-heavy docx": paragraph_heavy,
    "deep HTML": deep_html,
    ">1M-character text": long_text,
    "unreadable dir / file": unreadable,
    "symlink loop, dangling link": walk_problems,
    "1-byte file": one_byte,
    "NUL-laden UTF-8": nul_laden,
    "same file via two paths": same_file,
    "duplicate texts": same_text,
    "time and memory limits": limits,
    "jieba noise": jieba_noise,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=list(CASES), help="run these cases only")
    args = parser.parse_args()
    chosen = args.only or list(CASES)
    rows = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="govkg-campaign-") as tmp:
        folder = Path(tmp)
        folder.chmod(0o755)
        campaign = Campaign(folder)
        for case in chosen:
            variants = CASES[case](campaign)
            passed = sum(not v.failures for v in variants)
            rows.append((case, len(variants), passed, len(variants) - passed))
            for v in variants:
                notes.append(f"{'ok  ' if not v.failures else 'FAIL'} {case}: {v.name}")
                notes.extend(f"       - {f}" for f in v.failures)
            print(notes[-1] if len(variants) == 1 else f"{case}: {passed}/{len(variants)}", flush=True)
        base = campaign.base()
    print(f"\nplain build of one report: {base.seconds:.1f} s, peak {base.peak_mb:.0f} MB\n")
    width = max(len(r[0]) for r in rows)
    print(f"| {'case':<{width}} | tried | passed | failed |")
    print(f"|{'-' * (width + 2)}|-------|--------|--------|")
    for case, tried, passed, failed in rows:
        print(f"| {case:<{width}} | {tried:>5} | {passed:>6} | {failed:>6} |")
    total = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    print(f"| {'total':<{width}} | {total[0]:>5} | {total[1]:>6} | {total[2]:>6} |\n")
    print("\n".join(notes))
    sys.exit(1 if total[2] else 0)


if __name__ == "__main__":
    main()
