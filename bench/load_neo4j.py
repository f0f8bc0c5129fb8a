"""Load benchmark: a synthetic graph of 100,000 entities and 300,000 relations.

The graph is spread over synthetic reports (default 100) so the Neo4j store
writes it the way a build does: one transaction per report. Prints entities +
relations written per second for each run (the store is cleared between runs)
and the median, then the embedded store's save and load times at the same size.

    NEO4J_PORT=7711 scripts/neo4j start
    .venv/bin/python bench/load_neo4j.py --uri bolt://127.0.0.1:7711

Each run also prints the load average (the machine is shared) and, when the
server's pid is known (--neo4j-pid, or scripts/neo4j's pid file for the URI's
port), the CPU seconds the Neo4j process spent and the rate per CPU second,
which the other jobs on the machine disturb less than the wall-clock rate.

All names are generated; nothing here comes from real reports.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from graph.model import LABELS, Entity, Evidence, Graph, Relation, Report, entity_id
from graph.store.base import GraphStore

_SYLLABLES = "青溪枫林龙潭石桥柳塘新田清河双峰白沙金塘鹤岭东湖南岸西山北门中和安乐永兴长宁"
_SUFFIX = {
    "Province": "省",
    "City": "市",
    "District": "区",
    "Subdistrict": "街道",
    "Village": "村",
    "Community": "社区",
    "Project": "建设项目",
    "Enterprise": "科技有限公司",
    "Honour": "示范单位",
    "Person": "",
    "Organization": "服务中心",
    "Initiative": "行动",
    "Indicator": "总产值",
}
_FACTS = {
    "PART_OF": lambda rnd, year: {"inferred": rnd.random() < 0.2},
    "AWARDED": lambda rnd, year: {"year": year},
    "INTRODUCED": lambda rnd, year: _money(rnd, year),
    "INVESTS_IN": lambda rnd, year: _money(rnd, year),
    "LOCATED_IN": lambda rnd, year: {},
    "CARRIES_OUT": lambda rnd, year: {"status": rnd.choice(["completed", "ongoing", "planned"]), "year": year},
    "REPORTED": lambda rnd, year: {
        "value": round(rnd.uniform(1, 900), 2),
        "unit": "亿元",
        "value_normalised": round(rnd.uniform(1e8, 9e10), 0),
        "base_unit": "yuan",
        "year": year,
        "comparison": "同比增长",
    },
}


def _money(rnd: random.Random, year: int) -> dict[str, object]:
    wan = rnd.randint(100, 90000)
    return {"amount_yuan": wan * 10000, "amount_text": f"{wan}万元", "year": year}


def _name(rnd: random.Random, label: str, n: int) -> str:
    stem = "".join(rnd.choice(_SYLLABLES) for _ in range(2))
    return f"{stem}{n}{_SUFFIX.get(label, '')}"


def synthetic_graph(
    entities: int = 100_000, relations: int = 300_000, reports: int = 100, shared: float = 0.05, seed: int = 7
) -> list[Graph]:
    """One Graph per report. Each report mentions its own entities and two reports' share of a
    pool (so pooled entities are merged across reports); every entity it names gets a MENTIONS,
    the rest of its relations are facts with one piece of evidence each."""
    rnd = random.Random(seed)
    pool = [_entity(rnd, i) for i in range(int(entities * shared))]
    own = (entities - len(pool)) // reports
    slice_size = max(1, 2 * len(pool) // reports)
    per_report_relations = relations // reports
    parts: list[Graph] = []
    serial = len(pool)
    for r in range(reports):
        text = f"合成报告{r}：" + "本年度完成各项工作。" * 50
        report = Report(
            id=f"report-synthetic{r:05d}",
            path=f"synthetic/report-{r:05d}.txt",
            title=f"合成街道{r}2023年工作总结",
            place=f"合成街道{r % 20}",
            year=2020 + r % 4,
            years=[2020 + r % 4],
            period="annual",
            kind="工作总结",
            text=text,
            sections=[{"heading": "一、工作回顾", "kind": "review", "start": 0, "end": len(text)}],
        )
        mine = [_entity(rnd, serial + i) for i in range(own)]
        serial += own
        first = (r * slice_size // 2) % max(1, len(pool))
        named = mine + (pool[first : first + slice_size] if pool else [])
        graph = Graph(reports={report.id: report}, entities={e.id: e for e in named})
        for e in named:
            graph.add_relation(Relation("MENTIONS", report.id, e.id, report.id, {"section_kind": "review"}))
        kinds = list(_FACTS)
        while len(graph.relations) < per_report_relations:
            rtype = rnd.choice(kinds)
            a, b = rnd.sample(named, 2)
            start = rnd.randint(0, len(text) - 20)
            evidence = Evidence(
                report.id, "一、工作回顾", "review", text[start : start + 20], start, start + 20, ((start, start + 2),)
            )
            props = {**_FACTS[rtype](rnd, report.year or 2023), "section_kind": "review"}
            graph.add_relation(Relation(rtype, a.id, b.id, report.id, props, [evidence]))
        parts.append(graph)
    return parts


def _entity(rnd: random.Random, n: int) -> Entity:
    label = LABELS[n % len(LABELS)]
    name = _name(rnd, label, n)
    props: dict[str, object] = {"level": rnd.choice(["national", "provincial", "city"])} if label == "Honour" else {}
    aliases = [name[:-2]] if label == "Enterprise" else []
    return Entity(entity_id(label, name, "synthetic"), label, name, aliases, props)


def _count(parts: list[Graph]) -> tuple[int, int]:
    entities = len({eid for g in parts for eid in g.entities})
    return entities, sum(len(g.relations) for g in parts)


def _server_pid(uri: str, given: int | None) -> int | None:
    """The Neo4j process: given, or from scripts/neo4j's pid file for the URI's port."""
    if given:
        return given
    port = uri.rsplit(":", 1)[-1].strip("/")
    pid_file = Path(__file__).resolve().parent.parent / ".neo4j" / port / "neo4j.pid"
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a process (Linux /proc), None when unknown."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def bench_neo4j(
    parts: list[Graph],
    uri: str,
    user: str,
    password: str,
    database: str,
    runs: int,
    pid: int | None = None,
    warmup: int = 0,
) -> list[float]:
    from graph.store.neo4j_store import Neo4jStore

    entities, relations = _count(parts)
    store = Neo4jStore(uri, user=user, password=password, database=database)
    rates = []
    try:
        for run in range(1 - warmup, runs + 1):  # runs below 1 warm the server's JIT up, not counted
            store.clear()
            load_before = _load_average()
            cpu_before = _cpu_seconds(pid)
            client_before = time.process_time()
            started = time.perf_counter()
            for _, outcome in store.save_each(parts):  # the way `govkg build` writes
                if isinstance(outcome, Exception):
                    raise outcome
            elapsed = time.perf_counter() - started
            client = time.process_time() - client_before
            cpu_after = _cpu_seconds(pid)
            stats = store.stats()
            if stats["entities"] != entities or stats["relations"] != relations:
                raise SystemExit(f"run {run}: stored {stats['entities']}/{stats['relations']}, "
                                 f"expected {entities}/{relations}")
            rate = (entities + relations) / elapsed
            if run > 0:
                rates.append(rate)
            server = ""
            if cpu_before is not None and cpu_after is not None and cpu_after > cpu_before:
                cpu = cpu_after - cpu_before
                server = f"; Neo4j CPU {cpu:.1f} s = {(entities + relations) / cpu:,.0f} per CPU second"
            server += f"; client CPU {client:.1f} s"
            label = f"run {run}" if run > 0 else "warm-up (not counted)"
            print(f"neo4j {label}: {entities} entities + {relations} relations in {elapsed:.1f} s "
                  f"= {rate:,.0f} per second{server}; load average {load_before} -> {_load_average()}", flush=True)
        _bench_search(store, parts)
        store.clear()
    finally:
        store.close()
    print(f"neo4j median: {statistics.median(rates):,.0f} entities+relations per second")
    return rates


def bench_embedded(parts: list[Graph]) -> None:
    from graph.store.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory(prefix="govkg-bench-") as tmp:
        store = EmbeddedStore(tmp)
        started = time.perf_counter()
        with store.batch():
            for part in parts[:-1]:
                store.save(part)
        build = time.perf_counter() - started
        started = time.perf_counter()
        store.save(parts[-1])  # one more report: the whole file is written again
        save = time.perf_counter() - started
        size = store.path.stat().st_size
        started = time.perf_counter()
        reopened = EmbeddedStore(tmp)
        load = time.perf_counter() - started
        stats = reopened.stats()
        print(f"embedded: {stats['entities']} entities + {stats['relations']} relations; "
              f"in-memory build {build:.1f} s; save of one report incl. full file write {save:.2f} s; "
              f"file {size / 1e6:.0f} MB; open (load file) {load:.2f} s")
        _bench_search(reopened, parts)


def _bench_search(store: GraphStore, parts: list[Graph]) -> None:
    """p95 of search and 1-hop neighbours over random names of the graph (the viewer's target: 50 ms)."""
    rnd = random.Random(3)
    names = [e for g in parts[:20] for e in g.entities.values()]
    picks = rnd.sample(names, 200)
    for what, call in (
        ("search (2-char substring)", lambda e: store.search(e.name[:2], limit=20)),
        ("search (full name)", lambda e: store.search(e.name, limit=20)),
        ("neighbours depth 1", lambda e: store.neighbours(e.id, depth=1)),
    ):
        times = []
        for e in picks:
            started = time.perf_counter()
            call(e)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"{store.name} {what}: p50 {times[len(times) // 2]:.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7711"))
    parser.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", ""))
    parser.add_argument("--database", default=os.environ.get("NEO4J_DATABASE", "neo4j"))
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=0,
                        help="loads run first and not counted: a just-started server compiles its hot code "
                             "during the first two or so (steady state: --warmup 2)")
    parser.add_argument("--neo4j-pid", type=int, help="the server's pid, for its CPU time (default: scripts/neo4j's)")
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    parts = synthetic_graph(args.entities, args.relations, args.reports)
    entities, relations = _count(parts)
    print(f"synthetic graph: {entities} entities, {relations} relations, {len(parts)} reports "
          f"({time.perf_counter() - started:.1f} s to generate)", flush=True)
    if not args.skip_neo4j:
        pid = _server_pid(args.uri, args.neo4j_pid)
        bench_neo4j(parts, args.uri, args.user, args.password, args.database, args.runs, pid, args.warmup)
    if not args.skip_embedded:
        bench_embedded(parts)


if __name__ == "__main__":
    sys.exit(main())
