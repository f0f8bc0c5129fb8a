"""The embedded store's file: data, not code; one writer at a time; no debris after a crash."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from bench.load_neo4j import synthetic_graph
from graph.model import Graph
from graph.store.embedded import EmbeddedStore, StoreBusyError, StoreFileError
from graph.store.embedded_file import FORMAT, FORMAT_VERSION, WriteLock
from tests.test_store import as_sets, baisha_graph, both, qinghe_graph

ROOT = Path(__file__).resolve().parent.parent


class _RunsCode:
    """A pickle that runs a shell command when it is read, as the campaign's crafted store did."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (self.command,))


def _crafted_stores(marker: Path) -> list[bytes]:
    payload = pickle.dumps(_RunsCode(f"touch {marker}"))
    return [
        b"GOVKG-EMBEDDED\n\x00\x00\x00\x02" + payload,  # the old file layout: header, version 2, pickle
        b"GOVKG-EMBEDDED\n\x00\x00\x00\x01" + payload,
        payload,  # a bare pickle
    ]


def test_the_pickle_really_runs_code_when_unpickled(tmp_path: Path) -> None:
    """The crafted files are dangerous: unpickling the payload does create the marker."""
    marker = tmp_path / "ran"
    pickle.loads(_crafted_stores(marker)[2])  # noqa: S301 - showing what the store must never do
    assert marker.exists()


@pytest.mark.parametrize("which", [0, 1, 2])
def test_a_crafted_pickle_store_is_refused_and_does_not_run(tmp_path: Path, which: int) -> None:
    marker = tmp_path / "ran"
    data = tmp_path / "data"
    data.mkdir()
    (data / "graph.govkg").write_bytes(_crafted_stores(marker)[which])
    with pytest.raises(StoreFileError, match="pickle.*govkg build"):
        EmbeddedStore(data)
    assert not marker.exists()


def test_govkg_stats_refuses_a_pickle_store_with_how_to_rebuild(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    data = tmp_path / "data"
    data.mkdir()
    (data / "graph.govkg").write_bytes(_crafted_stores(marker)[0])
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    done = subprocess.run(
        [sys.executable, "-m", "govkg.cli", "stats", "--data-dir", str(data)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert done.returncode == 1
    assert "pickle" in done.stderr and "govkg build" in done.stderr and "mv " in done.stderr
    assert "Traceback" not in done.stderr
    assert not marker.exists()


def test_the_file_is_lines_of_json_with_a_versioned_header(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.save(both())
    header_line, body_line, versions_line = (tmp_path / "graph.govkg").read_bytes().splitlines()
    header, body = orjson.loads(header_line), orjson.loads(body_line)
    assert [rid for rid, _ in orjson.loads(versions_line)] == list(both().reports)
    assert header["format"] == FORMAT and header["version"] == FORMAT_VERSION
    assert header["counts"] == {"reports": 2, "entities": 7, "relations": len(both().relations)}
    assert header["node_fields"] == ["id", "label", "name", "aliases", "properties"]
    rows = {row[0]: dict(zip(header["node_fields"], row, strict=True)) for row in body["nodes"]}
    assert rows == {e.id: e.to_dict() for e in both().entities.values()}
    assert {row[0] for row in body["links"]} == set(both().relations)


def test_a_header_counting_more_than_the_body_holds_is_refused(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.save(both())
    header_line, body_line, versions_line = (tmp_path / "graph.govkg").read_bytes().splitlines()
    header = orjson.loads(header_line)
    header["counts"]["relations"] += 1
    (tmp_path / "graph.govkg").write_bytes(orjson.dumps(header) + b"\n" + body_line + b"\n" + versions_line)
    with pytest.raises(StoreFileError, match="corrupt"):
        EmbeddedStore(tmp_path)


# --- one writer at a time -------------------------------------------------------------------


def test_a_writer_waits_for_the_lock_then_says_clearly_that_it_gave_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EmbeddedStore(tmp_path)
    store.save(qinghe_graph())
    other = WriteLock(tmp_path)  # another open of the lock file: conflicts like another process
    other.acquire()
    monkeypatch.setenv("GOVKG_LOCK_TIMEOUT", "0.5")
    started = time.monotonic()
    try:
        with pytest.raises(StoreBusyError, match="another GovKG process is writing.*GOVKG_LOCK_TIMEOUT"):
            store.save(baisha_graph())
    finally:
        other.release()
    assert 0.4 < time.monotonic() - started < 5
    assert EmbeddedStore(tmp_path).stats()["reports"] == 1
    store.save(baisha_graph())  # the lock is free again
    assert EmbeddedStore(tmp_path).stats()["reports"] == 2


_WRITER = """
import sys, time
from pathlib import Path
from bench.load_neo4j import synthetic_graph
from graph.store.embedded import EmbeddedStore

data_dir, first, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
parts = synthetic_graph(entities=count * 200, relations=count * 600, reports=count, seed=first)
for n, part in enumerate(parts):  # reports of their own: ids and paths no other writer uses
    report = next(iter(part.reports.values()))
    report.id, report.path = f"report-writer{first:03d}x{n:03d}", f"writer{first}/{n}.txt"
    part.reports = {report.id: report}
    for rel in list(part.relations.values()):
        del part.relations[rel.id]
        rel.report_id = report.id
        if rel.type == "MENTIONS":
            rel.source = report.id
        part.relations[rel.id] = rel
store = EmbeddedStore(data_dir)  # both writers have read the old store before either writes
print("opened", flush=True)
while not go.exists():
    time.sleep(0.01)
failed = [str(outcome) for _, outcome in store.save_each(parts) if isinstance(outcome, Exception)]
print("failed", failed, flush=True)
sys.exit(1 if failed else 0)
"""


@pytest.mark.slow
def test_two_concurrent_builds_into_a_30000_entity_store_lose_nothing(tmp_path: Path) -> None:
    """The campaign's case: both builds open the store, then both save; before the lock the
    second to write replaced the file with its own view and the first one's reports were gone."""
    base = synthetic_graph(entities=30_000, relations=60_000, reports=30)
    store = EmbeddedStore(tmp_path)
    with store.batch():
        for part in base:
            store.save(part)
    assert store.stats()["entities"] >= 30_000
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), str(first), "5", str(go)],
                         cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for first in (1, 2)
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "opened"
    go.touch()
    for writer in writers:
        assert writer.wait(timeout=300) == 0, writer.stdout.read() if writer.stdout else ""
    reports = {r.id for r in EmbeddedStore(tmp_path).reports()}
    assert len(reports) == 30 + 10
    assert {f"report-writer{w:03d}x{n:03d}" for w in (1, 2) for n in range(5)} <= reports


# --- no debris ------------------------------------------------------------------------------


def test_stale_temp_files_are_removed_at_the_next_open(tmp_path: Path) -> None:
    EmbeddedStore(tmp_path).save(both())
    stale = [tmp_path / ".graph-k1ll3d.tmp", tmp_path / ".graph-0000.tmp"]
    for path in stale:
        path.write_bytes(b"half a store")
    store = EmbeddedStore(tmp_path)
    assert sorted(store.removed_temp_files) == sorted(stale)
    assert not any(path.exists() for path in stale)
    assert as_sets(store.load()) == as_sets(both())


def test_a_live_writers_temp_file_is_left_alone(tmp_path: Path) -> None:
    """While another process holds the lock its temp file is work in progress, not debris."""
    live = tmp_path / ".graph-writing.tmp"
    live.write_bytes(b"being written")
    writer = WriteLock(tmp_path)
    writer.acquire()
    try:
        assert EmbeddedStore(tmp_path).removed_temp_files == []
        assert live.exists()
    finally:
        writer.release()
    EmbeddedStore(tmp_path)
    assert not live.exists()


_KILLED_WRITER = """
import sys
from bench.load_neo4j import synthetic_graph
from graph.store.embedded import EmbeddedStore

store = EmbeddedStore(sys.argv[1])
parts = synthetic_graph(entities=20_000, relations=60_000, reports=20)
print("writing", flush=True)
for part in parts:
    store.save(part)  # each save rewrites the whole file: most of the time is spent writing
"""


@pytest.mark.slow
def test_kill_9_during_writes_leaves_a_readable_store_and_no_temp_file_after_open(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(tmp_path)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".graph-*.tmp")):
        time.sleep(0.002)
    writer.kill()
    writer.wait()
    store = EmbeddedStore(tmp_path)
    assert list(tmp_path.glob(".graph-*.tmp")) == []
    stats = store.stats()
    assert stats["reports"] == len({r.id for r in store.reports()}) and stats["reports"] < 20
    loaded: Graph = store.load()
    assert all(rel.report_id in loaded.reports for rel in loaded.relations.values())


def test_a_reopened_store_walks_and_deletes_like_the_one_that_saved(tmp_path: Path) -> None:
    """Opening fills the graph's adjacency directly (fast); it must be the graph add_edge builds."""
    from graph.model import report_id
    from tests.test_store import BAISHA, BAISHA_TEXT, HONOUR, SHILING

    first = EmbeddedStore(tmp_path / "a")
    first.save(both())
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "graph.govkg").write_bytes(first.path.read_bytes())
    second = EmbeddedStore(tmp_path / "b")
    edges = sorted(second._g.edges(keys=True))  # noqa: SLF001
    assert edges == sorted(first._g.edges(keys=True)) and len(edges) == len(both().relations)  # noqa: SLF001
    assert second.shortest_path(SHILING.id, BAISHA.id).to_dict() == first.shortest_path(SHILING.id, BAISHA.id).to_dict()
    assert second.neighbours(HONOUR.id, depth=2).to_dict() == first.neighbours(HONOUR.id, depth=2).to_dict()
    assert second.delete_report(report_id(BAISHA_TEXT)) and first.delete_report(report_id(BAISHA_TEXT))
    assert as_sets(second.load()) == as_sets(first.load()) == as_sets(qinghe_graph())


def test_govkg_says_in_one_line_that_another_process_holds_the_lock(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.save(both())
    holder = WriteLock(tmp_path)
    holder.acquire()
    try:
        env = {**{k: v for k, v in os.environ.items() if k != "NEO4J_URI"}, "GOVKG_LOCK_TIMEOUT": "0.5"}
        done = subprocess.run(
            [sys.executable, "-m", "govkg.cli", "delete-report", next(iter(both().reports)), "--data-dir", str(tmp_path)],
            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
        )
    finally:
        holder.release()
    assert done.returncode == 1
    assert "another GovKG process is writing" in done.stderr and "Traceback" not in done.stderr
    assert EmbeddedStore(tmp_path).stats()["reports"] == 2
