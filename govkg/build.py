"""The build job: find reports, extract them (in parallel), resolve, load into a store.

One bad report never stops the batch: its error is kept and reported, and each
report is saved on its own so a failure leaves what was loaded before intact.

Every report is extracted in a worker process (also with one worker) under a
time limit and a memory limit, so a hostile file costs one error line, not the
build: a worker over its time is killed and replaced, and one over its memory
gets a MemoryError (or dies) and is replaced. Workers are forked from a parent
that has built the NLP pipeline, so starting or replacing one costs no warm-up.

Reports are identified by their resolved real path, so one file reached by two
names (`ex/a.txt`, `$PWD/ex/a.txt`, a symlink) is one report, read once.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import multiprocessing
import os
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from tqdm import tqdm

from extract.read import SUFFIXES
from govkg.limits import Limits
from graph.model import Graph
from graph.resolve import resolve, split_by_report
from graph.store.base import GraphStore, SaveSummary


@dataclass
class Extracted:
    """One report's extraction: a graph fragment, or the reason there is none."""

    source: str
    graph: Graph | None = None
    error: str | None = None
    out_of_memory: bool = False
    rendered: str | None = None  # the graph as the caller's render made it in the worker (then no graph)


Render = Callable[[str, Graph], str]  # (source, graph) -> the text a caller writes for it


@dataclass
class Collected:
    """The files a build reads, what was found wrong while looking for them, and names read once."""

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, cause)
    same_file: list[tuple[str, str]] = field(default_factory=list)  # (name skipped, name read)


@dataclass
class BuildSummary:
    read: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, cause)
    written: int = 0
    unchanged: int = 0
    replaced: int = 0
    entities: int = 0
    relations: int = 0
    same_file: list[tuple[str, str]] = field(default_factory=list)  # (name skipped, name read)
    same_text: list[tuple[str, str]] = field(default_factory=list)  # (source skipped, source stored)

    @property
    def ok(self) -> bool:
        return not self.failed


def _is_report_name(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES


def _walk(top: str, found: Collected, real_seen: dict[str, str]) -> None:
    """Depth first, entries sorted by name (the order of sorted(Path.rglob)), following folder
    links; what cannot be walked or followed is recorded as a problem, never skipped unsaid."""
    try:
        info = os.stat(top)
    except OSError as exc:
        found.problems.append((top, f"cannot read folder ({exc.strerror or exc})"))
        return
    visited = {(info.st_dev, info.st_ino)}
    # (path, None) is a file; (path, chain) a folder with the (device, inode) of it and those above it
    stack: list[tuple[str, tuple[tuple[int, int], ...] | None]] = [(top, ((info.st_dev, info.st_ino),))]
    while stack:
        path, chain = stack.pop()
        if chain is None:
            _add_file(path, found, real_seen)
            continue
        try:
            names = sorted(entry.name for entry in os.scandir(path))
        except OSError as exc:
            found.problems.append((path, f"cannot read folder ({exc.strerror or exc}); its reports were not loaded"))
            continue
        entries = []
        for name in names:
            child = os.path.join(path, name)
            kind = _entry(child, chain, visited, found)
            if kind is not None:
                entries.append((child, None if kind == "file" else (*chain, kind)))
        stack.extend(reversed(entries))


def _entry(
    path: str, chain: tuple[tuple[int, int], ...], visited: set[tuple[int, int]], found: Collected
) -> str | tuple[int, int] | None:
    """"file", a folder's (device, inode) to walk, or None: skipped, with a problem recorded
    when the entry could be a report or a folder of them."""
    name = os.path.basename(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            found.problems.append((path, "symlink loop (the link leads back to itself)"))
        elif os.path.islink(path):
            if _is_report_name(name) or not Path(name).suffix:
                found.problems.append((path, f"dangling symlink (its target {os.readlink(path)} does not exist)"))
        elif _is_report_name(name):
            found.problems.append((path, f"cannot read ({exc.strerror or exc})"))
        return None
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in chain:
            found.problems.append((path, f"symlink loop (leads back to {os.path.realpath(path)})"))
            return None
        if key in visited:  # a second way into a folder found already: its files are read once
            return None
        visited.add(key)
        return key
    if stat.S_ISREG(info.st_mode) and _is_report_name(name):
        return "file"
    return None


def _add_file(path: str, found: Collected, real_seen: dict[str, str]) -> None:
    real = os.path.realpath(path)
    if real in real_seen:
        found.same_file.append((path, real_seen[real]))
        return
    real_seen[real] = path
    found.files.append(path)


def collect_sources(paths: Iterable[str | os.PathLike[str]]) -> Collected:
    """Files as given, and the supported reports under each directory (sorted), each real file once."""
    found = Collected()
    real_seen: dict[str, str] = {}
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            _walk(path, found, real_seen)
        else:
            _add_file(path, found, real_seen)  # read_source explains what is wrong with it
    return found


def collect(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given, and the supported reports under each directory, sorted."""
    return collect_sources(paths).files


def extract_one(source: str) -> Extracted:
    """Extract one report, turning any failure into an error naming the file.

    The report's path is the file's resolved real path: it is what the store
    matches a new version of the report against.
    """
    from extract.api import extract_path
    from extract.document import ReadError

    try:
        return Extracted(source, graph=extract_path(os.path.realpath(source)))
    except ReadError as exc:
        return Extracted(source, error=exc.cause)
    except MemoryError:
        return Extracted(source, error="out of memory", out_of_memory=True)
    except Exception as exc:  # a bug on one report must not stop the batch
        return Extracted(source, error=f"extraction failed: {type(exc).__name__}: {exc}")


def _warm_worker() -> None:
    """Build the NLP pipeline once, in the process workers are forked from, and extract one
    short text, so what extraction opens on first use (the money parser too) is open before
    the fork, not once per worker. A failure here is left for each report to meet and report."""
    from extract.api import extract_source
    from extract.document import SourceText

    text = "湖北省宜昌市夷陵区青石镇2024年工作总结\n柳湾村获评省级美丽乡村示范村。全年引进青禾科技有限公司，投资1.5亿元建设青禾产业园项目。"
    with contextlib.suppress(Exception):  # every report then meets it and names the cause
        extract_source(SourceText("warm.txt", text, "txt"))


def _address_space() -> int:
    """This process's size in bytes (VmSize), 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(megabytes: int) -> None:
    """Cap the address space at the worker's present size plus `megabytes`: beyond it
    allocations fail (MemoryError) instead of the machine swapping or the OOM killer."""
    import resource

    size = _address_space()
    if not size:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = size + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _serve(conn: Connection, others: list[Connection], limits: Limits, render: Render | None = None) -> None:
    """A worker: extract the sources sent until told to stop; exit after running out of memory.
    With `render`, it sends the rendered text instead of the graph: the parent, which two
    workers share, then only writes it (unpickling and rendering every graph there made it
    the bottleneck)."""
    for other in others:  # the parent's ends of the other workers' pipes: they must see EOF when it dies
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(limits.memory_mb)
    while True:
        try:
            source = conn.recv()
        except (EOFError, OSError):
            return
        if source is None:
            return
        result = extract_one(source)
        if result.out_of_memory:
            result = Extracted(source, error=_memory_error(limits), out_of_memory=True)
        elif render is not None and result.graph is not None:
            try:
                result = Extracted(source, rendered=render(source, result.graph))
            except Exception as exc:  # one error line for this report, the worker goes on
                result = Extracted(source, error=f"extraction failed: result not written: {type(exc).__name__}: {exc}")
        try:
            conn.send(result)
        except MemoryError:
            result = Extracted(source, error=_memory_error(limits), out_of_memory=True)
            conn.send(result)
        except Exception as exc:  # a result that cannot be pickled: one error line, no traceback
            conn.send(Extracted(source, error=f"extraction failed: result not sent: {type(exc).__name__}: {exc}"))
        if result.out_of_memory:
            return  # a fresh worker rather than one with a fragmented heap


def _memory_error(limits: Limits) -> str:
    return f"needs more than {limits.memory_mb:,} MB of memory (memory limit; see --memory-limit)"


def _time_error(limits: Limits) -> str:
    return f"took longer than {limits.seconds:g} s (time limit; see --time-limit)"


def _death_error(code: int | None, limits: Limits) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        cause = f"killed by {name}"
    else:
        cause = f"exit status {code}"
    return f"extraction process died ({cause}); it may have run out of memory (limit {limits.memory_mb:,} MB)"


class _Worker:
    """One worker process and the report it is working on."""

    def __init__(
        self, ctx: multiprocessing.context.BaseContext, limits: Limits, others: list[Connection], render: Render | None = None
    ) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, others, limits, render), daemon=True)
        # Objects made so far (the pipeline, a loaded store) are frozen out of the GC around the
        # fork: a child's collections would otherwise touch them all and copy their pages.
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        try:
            self.process.start()
        finally:
            if not frozen_before:
                gc.unfreeze()
        child.close()
        self.job: tuple[int, str] | None = None
        self.deadline = 0.0

    def give(self, index: int, source: str, seconds: float) -> None:
        self.conn.send(source)
        self.job = (index, source)
        self.deadline = time.monotonic() + seconds

    def stop(self) -> None:
        """End the process: politely when idle, killed when busy."""
        if self.job is None and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _run_workers(sources: Sequence[str], workers: int, limits: Limits, render: Render | None = None) -> Iterator[Extracted]:
    """Extract in `workers` processes, yielding in input order; a worker over a limit is replaced."""
    ctx = _context()
    pending = list(enumerate(sources))
    pending.reverse()  # popped from the end: input order
    slots: list[_Worker | None] = [None] * min(workers, len(sources))
    done: dict[int, Extracted] = {}
    next_out = 0

    def fill() -> None:
        """Give every idle worker its next report (a fresh worker for a missing one)."""
        for i, worker in enumerate(slots):
            if (worker is None or worker.job is None) and pending:
                if worker is None:
                    others = [w.conn for w in slots if w is not None]
                    worker = slots[i] = _Worker(ctx, limits, others, render)
                index, source = pending.pop()
                try:
                    worker.give(index, source, limits.seconds)
                except OSError:  # it died while idle: a fresh one takes the report
                    worker.stop()
                    others = [w.conn for w in slots if w is not None and w is not worker]
                    worker = slots[i] = _Worker(ctx, limits, others, render)
                    worker.give(index, source, limits.seconds)

    try:
        while next_out < len(sources):
            fill()
            busy = [w for w in slots if w is not None and w.job is not None]
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic()) if busy else 0.0
            ready = set(wait([w.conn for w in busy], timeout=timeout)) if busy else set()
            for i, worker in enumerate(slots):
                if worker is None or worker.job is None:
                    continue
                index, source = worker.job
                if worker.conn in ready:
                    try:
                        result: Extracted = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(timeout=5)
                        result = Extracted(source, error=_death_error(worker.process.exitcode, limits))
                        result.out_of_memory = True  # the worker is gone either way
                    worker.job = None
                    done[index] = result
                    if result.out_of_memory:
                        worker.stop()
                        slots[i] = None
                elif time.monotonic() >= worker.deadline:
                    worker.stop()
                    slots[i] = None
                    done[index] = Extracted(source, error=_time_error(limits))
            # the workers take their next reports before the caller handles these results
            # (writing a report's JSON took as long as a worker waited for its next path)
            fill()
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for worker in slots:
            if worker is not None:
                worker.stop()


def extract_all(
    sources: Sequence[str], workers: int = 1, progress: bool = False, limits: Limits | None = None,
    render: Render | None = None,
) -> Iterator[Extracted]:
    """Extract every source in worker processes under `limits`, yielding results in input order;
    with `render` (a module-level function of source and graph), each result's `rendered` text."""
    if not sources:
        return
    limits = limits or Limits()
    if _context().get_start_method() == "fork":
        _warm_worker()
    bar = tqdm(total=len(sources), unit="report", disable=not progress, desc="extract")
    try:
        for result in _run_workers(sources, max(workers, 1), limits, render):
            yield result
            bar.update()
    finally:
        bar.close()


def build(
    paths: Iterable[str | os.PathLike[str]],
    store: GraphStore,
    workers: int = 1,
    progress: bool = False,
    limits: Limits | None = None,
) -> BuildSummary:
    """Extract, resolve across the batch, and save report by report."""
    found = collect_sources(paths)
    summary = BuildSummary(failed=list(found.problems), same_file=list(found.same_file))
    fragments: list[Graph] = []
    stored_as: dict[str, str] = {}  # report id -> the source it came from
    for result in extract_all(found.files, workers=workers, progress=progress, limits=limits):
        if result.graph is None:
            summary.failed.append((result.source, result.error or "unknown error"))
            continue
        report_id = next(iter(result.graph.reports))
        if report_id in stored_as:  # the same text under another path: one report, said so
            summary.same_text.append((result.source, stored_as[report_id]))
            continue
        stored_as[report_id] = result.source
        summary.read += 1
        fragments.append(result.graph)
    parts = split_by_report(resolve(fragments))
    saved = store.save_each(parts)
    for part, outcome in tqdm(saved, total=len(parts), unit="report", disable=not progress, desc="load"):
        _count(summary, part, outcome)
    return summary


def _count(summary: BuildSummary, part: Graph, outcome: SaveSummary | Exception) -> None:
    """Add one report's save to the summary; a failure is recorded and left the store as it was."""
    if isinstance(outcome, Exception):
        report = next(iter(part.reports.values()))
        summary.read -= 1
        summary.failed.append((report.path, f"could not be stored: {type(outcome).__name__}: {outcome}"))
        return
    summary.written += len(outcome.written)
    summary.unchanged += len(outcome.unchanged)
    summary.replaced += len(outcome.replaced)
    summary.entities += outcome.entities
    summary.relations += outcome.relations
