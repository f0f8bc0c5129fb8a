"""The stores' part of the hostile/fault campaign of issue 14, re-run: prints case, tried, passed, failed.

    .venv/bin/python -m bench.campaign_stores            # about 5 to 10 minutes on 2 cores
    .venv/bin/python -m bench.campaign_stores --skip-neo4j

Cases (each "tried" is one attempt at breaking the store):

- pickle store: crafted `graph.govkg` pickles that run a command when unpickled, opened
  through the API and through `govkg stats`: refused with how to rebuild, the command never runs.
- concurrent builds: two `govkg build` processes into one data dir holding a 30,000-entity
  store; every report of both must be stored.
- kill -9 during writes: a writer killed at a random moment, or (every other round) while
  it writes its temp file; the next open must read the store (old or new version) and
  leave no `.graph-*.tmp` behind.
- delete-report parity (embedded, Neo4j): the examples built through resolve/split/save as
  `govkg build` does, one report deleted; the store must equal a clean build without it,
  names and aliases included.
- Neo4j going away: a throw-away Neo4j stopped (scripts/neo4j stop, or kill -9) while
  `govkg import` loads into it; one clear line, exit 1, no traceback, within 30 s.
- long search queries (embedded, Neo4j): 1,000 Latin and 3,000 CJK characters and other
  hostile text answer without error, the same in both stores.

Everything runs in a temporary directory and talks only to 127.0.0.1: the Neo4j used is a
throw-away one started on a free loopback port (scripts/neo4j) and stopped at the end. The
whole run is stopped by an alarm after --max-minutes.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_neo4j import synthetic_graph  # noqa: E402
from graph.model import Graph  # noqa: E402
from graph.store.base import GraphStore  # noqa: E402

HOSTILE_QUERIES = [
    "a" * 1000, "ab1 " * 250, "青禾" * 1500, "远山材料" * 750, "g1" + "国" * 2999, "a-b+c" * 200,
    '"*?~^\\' * 200, "OR AND NOT " * 100, "(" * 1000, "x" * 10_000, "材" + " " * 5000 + "料", "\u3000" * 3000,
]


@dataclass
class Case:
    name: str
    tried: int = 0
    passed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.tried - self.passed

    def check(self, ok: bool, note: str = "") -> None:
        self.tried += 1
        self.passed += bool(ok)
        if not ok and note:
            self.notes.append(note)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GOVKG_"))}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def _govkg(*args: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govkg.cli", *args], cwd=ROOT, env=_env(**env),
                          capture_output=True, text=True, timeout=timeout)


# --- pickle store ----------------------------------------------------------------------------


class _RunsCode:
    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (self.command,))


def case_pickle(work: Path) -> Case:
    from graph.store.embedded import EmbeddedStore, StoreFileError

    case = Case("pickle store refused, never run")
    for n, (prefix, how) in enumerate([(b"GOVKG-EMBEDDED\n\x00\x00\x00\x02", "old header v2"),
                                       (b"GOVKG-EMBEDDED\n\x00\x00\x00\x01", "old header v1"),
                                       (b"", "bare pickle")]):
        for through in ("api", "govkg stats"):
            data = work / f"pickle-{n}-{through.replace(' ', '-')}"
            data.mkdir()
            marker = work / f"ran-{n}-{through.replace(' ', '-')}"
            (data / "graph.govkg").write_bytes(prefix + pickle.dumps(_RunsCode(f"touch {marker}")))
            if through == "api":
                try:
                    EmbeddedStore(data)
                    refused, message = False, ""
                except StoreFileError as exc:
                    refused, message = True, str(exc)
            else:
                done = _govkg("stats", "--data-dir", str(data), timeout=120)
                refused, message = done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
            ok = refused and not marker.exists() and "govkg build" in message
            case.check(ok, f"{how} via {through}: refused={refused} ran={marker.exists()}")
    return case


# --- concurrent builds -------------------------------------------------------------------------


def _report_copies(examples: list[Path], target: Path, tag: str) -> list[str]:
    """The UTF-8 example reports with one line added, so they are new reports of their own."""
    target.mkdir(parents=True)
    copied = []
    for source in examples:
        try:
            text = source.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        (target / source.name).write_text(text.rstrip("\n") + f"\n（{tag}副本）\n", encoding="utf-8")
        copied.append(source.name)
    return copied


def _seed_store(data: Path, entities: int) -> int:
    from graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(data)
    parts = synthetic_graph(entities=entities, relations=entities * 2, reports=30)
    with store.batch():
        for part in parts:
            store.save(part)
    return store.stats()["reports"]


def case_concurrent_builds(work: Path, rounds: int) -> Case:
    from graph.store.embedded import EmbeddedStore

    case = Case("two concurrent builds, 30k-entity store")
    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix == ".txt")
    for n in range(rounds):
        data = work / f"concurrent-{n}" / "data"
        seeded = _seed_store(data, 30_000)
        dirs, wanted = [], set()
        for tag in ("甲", "乙"):
            folder = work / f"concurrent-{n}" / tag
            wanted.update(f"{tag}/{name}" for name in _report_copies(examples, folder, f"{tag}{n}"))
            dirs.append(folder)
        builds = [subprocess.Popen([sys.executable, "-m", "govkg.cli", "build", str(folder), "--data-dir", str(data),
                                    "--no-analyze"], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True) for folder in dirs]
        codes = []
        for build in builds:
            try:
                build.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                build.kill()
                build.communicate()
            codes.append(build.returncode)
        stored = {f"{Path(r.path).parent.name}/{Path(r.path).name}" for r in EmbeddedStore(data).reports()}
        got = len(stored) - seeded
        missing = wanted - stored
        ok = codes == [0, 0] and got == len(wanted) and not missing
        case.check(ok, f"round {n}: exits {codes}, {got} of {len(wanted)} new reports stored {sorted(missing)[:3]}")
    return case


# --- kill -9 during writes ----------------------------------------------------------------------

_WRITER = """
import sys
from bench.load_neo4j import synthetic_graph
from graph.store.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
parts = synthetic_graph(entities=20_000, relations=60_000, reports=20, seed=int(sys.argv[2]))
print("writing", flush=True)
for part in parts:
    store.save(part)
"""


def case_kill_during_write(work: Path, rounds: int) -> Case:
    from graph.store.embedded import EmbeddedStore

    case = Case("kill -9 during a write, then open")
    rnd = random.Random(14)
    temps_seen = 0
    for n in range(rounds):
        data = work / f"killed-{n}"
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(data), str(n)], cwd=ROOT, env=_env(),
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        writer.stdout.readline()
        if n % 2:  # every other round: the moment a temp file is being written
            deadline = time.monotonic() + 20
            while not list(data.glob(".graph-*.tmp")) and time.monotonic() < deadline:
                time.sleep(0.002)
        else:  # the others: any moment
            time.sleep(rnd.uniform(0.2, 3.0))
        temps_seen += bool(list(data.glob(".graph-*.tmp")))
        writer.kill()
        writer.wait()
        try:
            store = EmbeddedStore(data)
            loaded = store.load()
            ok = not list(data.glob(".graph-*.tmp")) and all(
                rel.report_id in loaded.reports for rel in loaded.relations.values())
            note = f"round {n}: temp files left {list(data.glob('.graph-*.tmp'))}"
        except Exception as exc:
            ok, note = False, f"round {n}: {type(exc).__name__}: {exc}"
        case.check(ok, note)
    case.notes.append(f"a temp file existed at the kill in {temps_seen} of {rounds} rounds")
    return case


# --- delete-report parity --------------------------------------------------------------------


def _snapshot(store: GraphStore) -> tuple[dict, dict, dict]:
    graph = store.load()
    return ({k: v.to_dict() for k, v in graph.reports.items()}, {k: v.to_dict() for k, v in graph.entities.items()},
            {k: v.to_dict() for k, v in graph.relations.items()})


def example_fragments() -> list[Graph]:
    from extract.api import extract_path

    sources = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".docx", ".html"})
    return [extract_path(str(p)) for p in sources]


def case_delete_parity(name: str, open_store: Callable[[], GraphStore], fragments: list[Graph]) -> Case:
    from graph.resolve import resolve, split_by_report

    case = Case(f"delete-report parity ({name})")
    store = open_store()
    try:
        counts: dict[str, int] = {}
        for fragment in fragments:
            for eid in fragment.entities:
                counts[eid] = counts.get(eid, 0) + 1
        shared = sorted(range(len(fragments)), key=lambda i: -sum(counts[e] > 1 for e in fragments[i].entities))
        for index in shared[:4]:  # the reports sharing the most entities with others
            rid = next(iter(fragments[index].reports))
            store.clear()
            for _, outcome in store.save_each(split_by_report(resolve(fragments))):
                if isinstance(outcome, Exception):
                    raise outcome
            store.delete_report(rid)
            after = _snapshot(store)
            store.clear()
            rest = [f for i, f in enumerate(fragments) if i != index]
            for _, outcome in store.save_each(split_by_report(resolve(rest))):
                if isinstance(outcome, Exception):
                    raise outcome
            clean = _snapshot(store)
            differ = [eid for eid in clean[1] if after[1].get(eid) != clean[1][eid]]
            case.check(after == clean, f"{rid}: {len(differ)} entities differ, e.g. {differ[:2]}")
        store.clear()
    finally:
        store.close()
    return case


# --- Neo4j ---------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def throwaway_neo4j(work: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = _free_port()
    env = {**os.environ, "NEO4J_PORT": str(port), "GOVKG_NEO4J_DIR": str(work / "neo4j"),
           "NEO4J_HEAP": "1g", "NEO4J_PAGECACHE": "128m"}
    try:
        yield f"bolt://127.0.0.1:{port}", env
    finally:
        subprocess.run([str(ROOT / "scripts" / "neo4j"), "stop"], env=env, capture_output=True, timeout=180)


def _start(env: dict[str, str]) -> None:
    done = subprocess.run([str(ROOT / "scripts" / "neo4j"), "start"], env=env, capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"could not start a throw-away Neo4j: {done.stderr[-1000:]}")


def _reports_in(uri: str) -> int:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=("neo4j", ""), notifications_min_severity="OFF") as driver:
        records, _, _ = driver.execute_query("MATCH (r:Report) RETURN count(r) AS n")
        return int(records[0]["n"])


def case_neo4j_gone(work: Path, uri: str, env: dict[str, str], ways: list[str]) -> Case:
    from graph.export import export_graph

    case = Case("Neo4j going away mid-load")
    graph = Graph()
    for part in synthetic_graph(entities=30_000, relations=90_000, reports=60):
        graph.extend(part)
    export = work / "load.json"
    export_graph(graph, "json", export)
    from graph.store.neo4j_store import Neo4jStore

    for way in ways:
        _start(env)
        fresh = Neo4jStore(uri)
        fresh.clear()
        fresh.close()
        load = subprocess.Popen([sys.executable, "-m", "govkg.cli", "import", str(export), "--format", "json",
                                 "--neo4j-uri", uri], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while _reports_in(uri) < 2 and load.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        began = time.monotonic()
        if way == "kill -9":
            pid = int((Path(env["GOVKG_NEO4J_DIR"]) / "neo4j.pid").read_text().strip())
            os.kill(pid, signal.SIGKILL)
        subprocess.run([str(ROOT / "scripts" / "neo4j"), "stop"], env=env, capture_output=True, timeout=180)
        stopping = time.monotonic() - began
        try:
            _, err = load.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            load.kill()
            _, err = load.communicate()
        took = time.monotonic() - began
        ok = load.returncode == 1 and took <= 30 and "stopped answering" in err and "Traceback" not in err
        case.check(ok, f"{way}: exit {load.returncode} after {took:.1f} s; {err.strip()[-300:]}")
        case.notes.append(f"{way}: exit {load.returncode}, one line {took:.1f} s after the stop began "
                          f"(stopping took {stopping:.1f} s)")
    return case


def case_long_search(stores: dict[str, GraphStore]) -> Case:
    from tests.test_store import both, ent, mentions_only

    case = Case(f"long/hostile search ({', '.join(stores)})")
    road = ent("Project", "青禾街道G106国道青禾段至白沙镇连接线改造提升工程ABC-2023第一标段", "subdistrict-x")
    for store in stores.values():
        store.clear()
        store.save(both())
        store.save(mentions_only("reports/road.txt", f"{road.name}开工。", "青禾街道", [road]))
    for text in HOSTILE_QUERIES:
        answers = {}
        errors = []
        for name, store in stores.items():
            try:
                answers[name] = [(h.id, h.score) for h in store.search(text)]
            except Exception as exc:
                errors.append(f"{name}: {type(exc).__name__}: {str(exc)[:120]}")
        same = len({repr(a) for a in answers.values()}) <= 1
        case.check(not errors and same, f"{len(text)} chars {text[:6]!r}: {errors or 'stores disagree'}")
    for store in stores.values():
        store.clear()
    return case


# --- the table ----------------------------------------------------------------------------------


def print_table(cases: list[Case]) -> None:
    width = max(len(c.name) for c in cases)
    print(f"\n{'case':<{width}} | tried | passed | failed")
    print(f"{'-' * width}-|-------|--------|-------")
    for c in cases:
        print(f"{c.name:<{width}} | {c.tried:>5} | {c.passed:>6} | {c.failed:>6}")
    total = Case("total", sum(c.tried for c in cases), sum(c.passed for c in cases))
    print(f"{total.name:<{width}} | {total.tried:>5} | {total.passed:>6} | {total.failed:>6}")
    for c in cases:
        for note in c.notes:
            print(f"  {c.name}: {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-neo4j", action="store_true", help="only the embedded store's cases")
    parser.add_argument("--rounds", type=int, default=3, help="concurrent-build rounds")
    parser.add_argument("--kills", type=int, default=12, help="kill -9 rounds")
    parser.add_argument("--max-minutes", type=float, default=40.0, help="stop the whole run after this long")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("campaign took too long")))
    signal.alarm(int(args.max_minutes * 60))

    from graph.store.embedded import EmbeddedStore

    cases: list[Case] = []
    work = Path(tempfile.mkdtemp(prefix="govkg-campaign-"))
    try:
        def step(name: str, run: Callable[[], Case]) -> None:
            started = time.monotonic()
            print(f"{time.strftime('%H:%M:%S')} {name} ...", flush=True)
            try:
                cases.append(run())
            except Exception as exc:  # a case that cannot run counts as one failed attempt
                failed = Case(name)
                failed.check(False, f"{type(exc).__name__}: {exc}")
                cases.append(failed)
            print(f"           {time.monotonic() - started:.0f} s", flush=True)

        step("pickle store", lambda: case_pickle(work))
        step("concurrent builds", lambda: case_concurrent_builds(work, args.rounds))
        step("kill -9 during writes", lambda: case_kill_during_write(work, args.kills))
        fragments = example_fragments()
        step("delete parity (embedded)",
             lambda: case_delete_parity("embedded", lambda: EmbeddedStore(work / "parity"), fragments))
        embedded = EmbeddedStore(work / "search")
        if args.skip_neo4j:
            step("long search", lambda: case_long_search({"embedded": embedded}))
        else:
            from graph.store.neo4j_store import Neo4jStore

            with throwaway_neo4j(work) as (uri, env):
                _start(env)
                step("delete parity (neo4j)", lambda: case_delete_parity("neo4j", lambda: Neo4jStore(uri), fragments))

                def search_both() -> Case:
                    neo = Neo4jStore(uri)
                    try:
                        return case_long_search({"embedded": embedded, "neo4j": neo})
                    finally:
                        neo.close()

                step("long search", search_both)
                subprocess.run([str(ROOT / "scripts" / "neo4j"), "stop"], env=env, capture_output=True, timeout=180)
                step("neo4j gone", lambda: case_neo4j_gone(work, uri, env, ["scripts/neo4j stop", "kill -9"]))
    finally:
        signal.alarm(0)
        shutil.rmtree(work, ignore_errors=True)
    print_table(cases)
    return 0 if all(c.failed == 0 for c in cases) else 1


if __name__ == "__main__":
    sys.exit(main())
