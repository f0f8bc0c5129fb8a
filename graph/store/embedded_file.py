"""The embedded store's file: a versioned JSON format, atomic writes, one writer at a time.

`graph.govkg` is three lines of JSON (UTF-8): a header, the body, and the
entity versions each report gave (only writers need those: readers skip them).

    {"format": "govkg-embedded-store", "version": 3, "node_fields": [...], ...}
    {"reports": [...], "nodes": [[...], ...], "links": [[...], ...]}
    [["report-...", [["entity-id", "name", ["alias"], {"key": "value"}], ...]], ...]

The header names the columns of the body's rows, so the file reads without this
code (docs/stores.md describes every field). JSON, not pickle: reading a pickle
runs whatever code its author put in it, so a writable data directory would let
anyone run code as whoever reads the store. Older stores, which were pickles, are
refused unread, with a message saying how to rebuild.

Writers to one data directory take an exclusive lock (`.graph.lock`, flock via
filelock, released by the kernel if the process dies), so two builds cannot
both read the old file and the last to write lose the other's reports.
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from filelock import FileLock, Timeout

from graph.model import Evidence, Relation
from graph.store.base import StoreError

FILE_NAME = "graph.govkg"
LOCK_NAME = ".graph.lock"
TEMP_PREFIX, TEMP_SUFFIX = ".graph-", ".tmp"
FORMAT = "govkg-embedded-store"
FORMAT_VERSION = 3  # 1 and 2 were pickles, never read again
HEADER_LIMIT = 64 * 1024
DEFAULT_LOCK_TIMEOUT = 300.0  # seconds a writer waits for another to finish (env GOVKG_LOCK_TIMEOUT)
_PICKLE_MAGIC = b"GOVKG-EMBEDDED\n"  # the header of format versions 1 and 2

LAYOUT: dict[str, Any] = {
    "report_fields": "Report.to_dict(): id, path, title, place, place_id, year, years, period, kind, text, sections",
    "node_fields": ["id", "label", "name", "aliases", "properties"],
    "link_fields": ["id", "type", "source", "target", "report_id", "properties", "evidence"],
    "evidence_fields": ["report_id", "section", "section_kind", "sentence", "start", "end", "marks"],
    "lines": ["header", "body", "versions"],
    "version_fields": ["report_id", ["id", "name", "aliases", "properties"]],
}


class Fact(NamedTuple):
    """A relation as the embedded store holds it: plain values, evidence as rows, so a
    300,000-relation file loads without building 300,000 objects (they are built on read)."""

    type: str
    source: str
    target: str
    report_id: str
    properties: dict[str, Any]
    evidence: Sequence[Sequence[Any]]

    @classmethod
    def of(cls, rel: Relation) -> Fact:
        evidence = tuple((e.report_id, e.section, e.section_kind, e.sentence, e.start, e.end, e.marks)
                         for e in rel.evidence)
        return cls(rel.type, rel.source, rel.target, rel.report_id, rel.properties, evidence)

    def relation(self) -> Relation:
        return Relation(
            self.type,
            self.source,
            self.target,
            self.report_id,
            dict(self.properties),
            [Evidence(r, s, k, t, a, b, tuple((m[0], m[1]) for m in marks)) for r, s, k, t, a, b, marks in self.evidence],
        )


class StoreFileError(StoreError):
    """The store file exists but cannot be read (corrupt, truncated, or another format)."""


class StoreBusyError(StoreError):
    """Another process kept the data directory's write lock for longer than we wait."""


def rebuild_hint(path: Path) -> str:
    return (
        f"move it away and rebuild the store from the reports, e.g.: mv {path} {path}.old && "
        f"govkg build <report folder> --data-dir {path.parent}"
    )


def read_store_file(path: Path) -> tuple[dict[str, Any], bytes]:
    """The body of a store file, checked against its header, and its versions line unparsed.
    Never unpickles anything."""
    try:
        with path.open("rb") as fh:
            head = fh.read(HEADER_LIMIT)
            if head.startswith(_PICKLE_MAGIC) or head[:1] == b"\x80":
                raise StoreFileError(
                    f"{path} is a store file of an older GovKG (a Python pickle). Pickles can run code when "
                    f"read, so this GovKG does not open them; {rebuild_hint(path)}"
                )
            end = head.find(b"\n")
            if end < 0:
                raise StoreFileError(f"{path} is not a GovKG embedded store file (no header line)")
            header = _header(path, head[:end])
            fh.seek(end + 1)
            data = fh.read()
    except StoreFileError:
        raise
    except OSError as exc:
        raise StoreFileError(f"{path} cannot be read: {exc}") from exc
    split = data.find(b"\n")
    if split < 0:
        raise StoreFileError(f"{path} is corrupt or truncated: no versions line")
    versions = data[split + 1 :].strip() or b"[]"
    with gc_paused():
        try:
            body = orjson.loads(memoryview(data)[:split])
        except orjson.JSONDecodeError as exc:
            raise StoreFileError(f"{path} is corrupt or truncated: {exc}") from exc
    if not isinstance(body, dict) or not {"reports", "nodes", "links"} <= body.keys():
        raise StoreFileError(f"{path} is corrupt: unexpected content")
    counts = header.get("counts") or {}
    if counts and (len(body["nodes"]), len(body["links"])) != (counts.get("entities"), counts.get("relations")):
        raise StoreFileError(f"{path} is corrupt: the body does not hold what its header counts")
    if not versions.startswith(b"[") or not versions.endswith(b"]"):
        raise StoreFileError(f"{path} is corrupt or truncated: bad versions line")
    return body, versions


def _header(path: Path, line: bytes) -> dict[str, Any]:
    try:
        header = orjson.loads(line)
    except orjson.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise StoreFileError(f"{path} is not a GovKG embedded store file (bad header)")
    version = header.get("version")
    if version != FORMAT_VERSION:
        raise StoreFileError(
            f"{path} has store format version {version}; this GovKG reads version {FORMAT_VERSION}; "
            + rebuild_hint(path)
        )
    return header


def write_store_file(path: Path, body: dict[str, Any], versions: bytes = b"[]") -> None:
    """Write atomically: temp file in the same dir, fsync, os.replace, fsync of the dir, so a
    crash leaves the old file or the new one (and at worst a temp file, removed at next open)."""
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "counts": {"reports": len(body["reports"]), "entities": len(body["nodes"]), "relations": len(body["links"])},
        **LAYOUT,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with gc_paused(), os.fdopen(fd, "wb") as fh:
            fh.write(orjson.dumps(header) + b"\n")
            fh.write(orjson.dumps(body))
            fh.write(b"\n")
            fh.write(versions)
            fh.write(b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def lock_timeout() -> float:
    try:
        return float(os.environ.get("GOVKG_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


class WriteLock:
    """The data directory's write lock, held across one batch of writes (reentrant)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._lock = FileLock(self.path, thread_local=False, preserve_lock_file=True)

    def acquire(self, timeout: float | None = None) -> None:
        wait = lock_timeout() if timeout is None else timeout
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=wait)
        except Timeout:
            raise StoreBusyError(
                f"another GovKG process is writing to {self.path.parent} (it holds {self.path}); waited "
                f"{wait:.0f} s and wrote nothing. Run this again once that one is done, or wait longer with "
                f"GOVKG_LOCK_TIMEOUT=<seconds>"
            ) from None

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked


def remove_stale_temp_files(data_dir: Path, lock: WriteLock) -> list[Path]:
    """Temp files left by a writer that died (kill -9, power cut) before its os.replace.

    Only when no writer holds the lock: a live writer's temp file is not stale."""
    stale = list(data_dir.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")) if data_dir.is_dir() else []
    if not stale:
        return []
    try:
        lock.acquire(timeout=0)
    except (StoreBusyError, OSError):  # a writer is at work, or the dir is read-only to us
        return []
    try:
        removed = []
        for path in data_dir.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
        return removed
    finally:
        lock.release()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC during bulk (de)serialisation: it would rescan the growing heap over and over."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
