"""The build job: find reports, extract them (in parallel), resolve, load into a store.

One bad report never stops the batch: its error is kept and reported, and each
report is saved on its own so a failure leaves what was loaded before intact.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from extract.read import SUFFIXES
from graph.model import Graph
from graph.resolve import resolve, split_by_report
from graph.store.base import GraphStore, SaveSummary


@dataclass
class Extracted:
    """One report's extraction: a graph fragment, or the reason there is none."""

    source: str
    graph: Graph | None = None
    error: str | None = None


@dataclass
class BuildSummary:
    read: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, cause)
    written: int = 0
    unchanged: int = 0
    replaced: int = 0
    entities: int = 0
    relations: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def collect(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given, and the supported reports under each directory, sorted."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(str(raw))
    return found


def extract_one(source: str) -> Extracted:
    """Extract one report, turning any failure into an error naming the file."""
    from extract.api import extract_path
    from extract.document import ReadError

    try:
        return Extracted(source, graph=extract_path(source))
    except ReadError as exc:
        return Extracted(source, error=exc.cause)
    except Exception as exc:  # a bug on one report must not stop the batch
        return Extracted(source, error=f"extraction failed: {type(exc).__name__}: {exc}")


def _warm_worker() -> None:
    """Build the NLP pipeline once per worker process, not once per report."""
    from extract.nlp.pipeline import build_nlp

    build_nlp()


def extract_all(sources: Sequence[str], workers: int = 1, progress: bool = False) -> Iterator[Extracted]:
    """Extract every source, yielding results in input order."""
    bar = tqdm(total=len(sources), unit="report", disable=not progress, desc="extract")
    try:
        if workers <= 1 or len(sources) <= 1:
            for source in sources:
                yield extract_one(source)
                bar.update()
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
            for result in pool.map(extract_one, sources, chunksize=1):
                yield result
                bar.update()
    finally:
        bar.close()


def build(
    paths: Iterable[str | os.PathLike[str]],
    store: GraphStore,
    workers: int = 1,
    progress: bool = False,
) -> BuildSummary:
    """Extract, resolve across the batch, and save report by report."""
    sources = collect(paths)
    summary = BuildSummary()
    fragments: list[Graph] = []
    for result in extract_all(sources, workers=workers, progress=progress):
        if result.graph is None:
            summary.failed.append((result.source, result.error or "unknown error"))
        else:
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
