"""The Neo4j store: the GraphStore interface over the official driver.

Every query is a named query from cypher/writes (graph.queries.writes()); data
always travels as parameters. Each report's facts are written in one managed
transaction (`session.execute_write`, which retries transient errors), and a
report replacing an older version of the same path deletes the old version's
relationships and orphaned entities in that same transaction, so readers never
see both or neither.

`run_read` runs user Cypher for the viewer's console and `govkg query`; the
code lives in graph.store.console.
"""

from __future__ import annotations

import gc
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import neo4j
import orjson
from neo4j import GraphDatabase, ManagedTransaction
from neo4j.graph import Node, Relationship

from graph.model import PLACE_LABELS, Entity, Evidence, Graph, Relation, Report
from graph.queries import Query, schema_statements, writes
from graph.store import console
from graph.store.base import SaveSummary, SearchHit, Subgraph
from graph.store.console import QueryError, ReadOnlyViolation, ReadResult
from graph.store.normalise import (
    FACT_TYPES,
    OVERVIEW_TOP,
    RESERVED_ENTITY_KEYS,
    fold,
    stored_entity,
    stored_relation_properties,
)
from graph.store.ranking import match_score, rank_hits
from graph.store.schedule import ALONE, Turn, run_in_turn

__all__ = ["Neo4jStore", "QueryError", "ReadOnlyViolation", "ReadResult"]

BATCH_ROWS = 5000  # rows per UNWIND; one report's rows rarely need more than one batch
WRITERS = 2  # reports written at once: the server runs a transaction on one core (see save_each)
SEARCH_CANDIDATES = 200  # full-text candidates ranked in Python (at least 10 x limit)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK_ONLY = re.compile(f"^[{_CJK}]{{2,}}$")
_RUNS = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")  # what the cjk analyzer keeps: ideograph runs, letter/digit words
_CJK_RUN = re.compile(f"[{_CJK}]{{2,}}")
_LUCENE_SPECIAL = re.compile(r'([\\"])')


class Neo4jStore:
    """GraphStore over a Neo4j 5 database (schema in cypher/schema.cypher)."""

    name = "neo4j"
    _schema_ready: set[tuple[str, str]] = set()  # (uri, database) this process has set up

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str = "",
        database: str = "neo4j",
        ensure_schema: bool = True,
    ) -> None:
        self.uri = uri
        self.database = database
        self._driver = GraphDatabase.driver(uri, auth=(user, password))
        self._q: dict[str, Query] = writes()
        try:
            self._driver.verify_connectivity()
            if ensure_schema and (uri, database) not in Neo4jStore._schema_ready:
                self.ensure_schema()
                Neo4jStore._schema_ready.add((uri, database))
        except Exception:
            self._driver.close()
            raise

    # --- plumbing ---------------------------------------------------------------------

    def _text(self, name: str) -> str:
        return self._q[name].text

    def _read(self, name: str, **params: Any) -> list[neo4j.Record]:
        """All records of one named read query, in a managed read transaction."""
        text = self._text(name)

        def work(tx: ManagedTransaction) -> list[neo4j.Record]:
            return list(tx.run(text, params))

        with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work)

    def ensure_schema(self) -> None:
        """Constraints and indexes (idempotent), then wait until they are online."""
        with self._driver.session(database=self.database) as session:
            for statement in schema_statements():
                session.run(statement).consume()
            session.run(self._text("await_indexes")).consume()

    # --- writing ----------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Neo4jStore]:
        """Nothing to defer: every report is committed in its own transaction."""
        yield self

    def save(self, graph: Graph) -> SaveSummary:
        """Each report of the graph in its own transaction; a failure is raised after the
        graph's other reports are written."""
        [(_, outcome)] = list(self.save_each([graph]))
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def save_each(self, parts: Iterable[Graph]) -> Iterator[tuple[Graph, SaveSummary | Exception]]:
        """One transaction per report, WRITERS of them at once (graph.store.schedule): a report
        writes what it shares with none of the reports before it while the one before is still
        running, and the rest once those reports have finished, so shared entities are merged in
        report order. A report replacing a stored version runs alone (deleting the old version's
        orphans must not race another write). The first report is written while the others are
        still being planned. Parts come back in the given order."""
        parts = list(parts)
        with _graph_frozen():
            alone = self._replacing([report for part in parts for report in part.reports.values()])
            writes: list[_ReportWrite] = []  # in order, as they are planned

            def planned() -> Iterator[_ReportWrite]:
                for part in parts:
                    for write in _plan(part):
                        writes.append(write)
                        yield write

            def keys(write: _ReportWrite) -> frozenset[str] | None:
                return ALONE if write.report.id in alone else write.keys

            outcomes = run_in_turn(planned(), keys, self._try_write, workers=WRITERS)
            done = 0  # one write per report, so a part's writes are the next len(part.reports)
            for part in parts:
                results = list(itertools.islice(outcomes, len(part.reports)))
                yield part, _summary(zip(writes[done : done + len(results)], results, strict=True))
                done += len(results)

    def _replacing(self, reports: list[Report]) -> set[str]:
        """Reports whose path is stored under another id, or comes earlier in this save
        (none to find when there is only one: nothing runs beside it)."""
        if len(reports) < 2:
            return set()
        rows = _Rows({"id": report.id, "path": report.path} for report in reports)
        replacing = set(self._read("reports_replacing", reports=rows)[0]["ids"])
        earlier: dict[str, set[str]] = {}  # path -> ids of the reports before
        for report in reports:
            ids = earlier.setdefault(report.path, set())
            if ids - {report.id}:
                replacing.add(report.id)
            ids.add(report.id)
        return replacing

    def _try_write(self, write: _ReportWrite, turn: Turn, wait_for_turn: Callable[[], None]) -> str | Exception:
        """One report in one managed transaction: 'written', 'replaced' or 'unchanged', or the
        exception that rolled it back (the caller records it; the other reports go on)."""
        try:
            mentions, facts = _relation_rows(write.relations)
            with self._driver.session(database=self.database) as session:
                return session.execute_write(self._save_report, write, mentions, facts, turn.shared, wait_for_turn)
        except Exception as exc:
            return exc

    def _save_report(
        self,
        tx: ManagedTransaction,
        write: _ReportWrite,
        mentions: list[list[Any]],
        facts: list[list[Any]],
        shared: frozenset[str],
        wait_for_turn: Callable[[], None],
    ) -> str:
        """The report, its own entities and the relationships among them first; then, once the
        earlier reports naming the `shared` entities have finished, the rest."""
        report = write.report
        status = tx.run(self._text("report_status"), id=report.id, path=report.path).single(strict=True)
        if status["stored"]:
            if write.loose:  # entities named by no relation travel with the graph's first report
                wait_for_turn()
                self._merge_entities(tx, [e for e in write.entities if e.id in write.loose])
            return "unchanged"
        for old in status["replaces"]:
            self._delete_in(tx, old)
        props = _report_props(report, write.fact_sources)
        report_node = tx.run(self._text("merge_report"), id=report.id, props=props).single(strict=True)
        element = _ElementIds({report.id: report_node["element_id"]})  # how relationships find their ends
        try:
            later = shared.union(write.missing)  # what waits for the earlier reports
            own_mentions, later_mentions = _split(mentions, lambda row: row[0] in later)
            own_facts, later_facts = _split(facts, lambda row: row[0] in later or row[1] in later)
            element.update(self._merge_entities(tx, [e for e in write.entities if e.id not in later]))
            self._create(tx, report.id, element, own_mentions, own_facts)
            wait_for_turn()
            if write.missing:
                found = tx.run(self._text("existing_entities"), ids=write.missing).single(strict=True)
                element.update(zip(found["ids"], found["element_ids"], strict=True))
                unknown = sorted(set(write.missing) - element.keys())
                if unknown:
                    raise ValueError(f"relations of {report.id} point at unknown node(s) {unknown[:5]}")
            element.update(self._merge_entities(tx, [e for e in write.entities if e.id in shared]))
            self._create(tx, report.id, element, later_mentions, later_facts)
        finally:
            element.clear()  # see _Rows: the driver keeps parameters in a cycle
        return "replaced" if status["replaces"] else "written"

    def _create(
        self, tx: ManagedTransaction, report_id: str, element: dict[str, str], mentions: list[Any], facts: list[Any]
    ) -> None:
        """MENTIONS and facts. Every batch is sent before any count is read: the driver packs the
        next batch while the server runs the one before."""
        batches = [
            (name, batch, params)
            for name, rows, params in (
                ("create_mentions", mentions, {"report": element[report_id], "report_id": report_id}),
                ("create_facts", facts, {"report_id": report_id}),
            )
            for batch in _batches(rows)
        ]
        runs = [(tx.run(self._text(name), rows=batch, elements=element, **params), len(batch)) for name, batch, params in batches]
        for result, size in runs:
            if result.single(strict=True)["written"] != size:  # an end node vanished: roll the report back
                raise ValueError(f"relations of {report_id} point at unknown node(s)")
        for _, batch, _ in batches:
            batch.clear()

    def _merge_entities(self, tx: ManagedTransaction, entities: list[Entity]) -> dict[str, str]:
        """Merge entities with their stored versions (as Entity.merge does) and write them;
        returns their element ids."""
        if not entities:
            return {}
        ids = _Rows(e.id for e in entities)
        stored = {rec["e"]["id"]: _entity(rec["e"]) for rec in tx.run(self._text("stored_entities"), ids=ids)}
        ids.clear()
        rows = []
        for entity in entities:
            held = stored.get(entity.id)
            if held is not None:
                held.merge(entity)
                entity = held
            rows.append(_entity_row(entity))
        element = _ElementIds()
        for batch in _batches(rows):
            written = tx.run(self._text("merge_entities"), rows=batch).single(strict=True)
            element.update(zip(written["ids"], written["element_ids"], strict=True))
            batch.clear()
        return element

    def _delete_in(self, tx: ManagedTransaction, report_id: str) -> bool:
        touched = tx.run(self._text("delete_report_relations"), id=report_id).single(strict=True)["touched"]
        deleted = tx.run(self._text("delete_report_node"), id=report_id).single(strict=True)["deleted"]
        tx.run(self._text("delete_orphans"), ids=touched).consume()
        return bool(deleted)

    def delete_report(self, report_id: str) -> bool:
        with self._driver.session(database=self.database) as session:
            return session.execute_write(self._delete_in, report_id)

    def set_properties(self, updates: dict[str, dict[str, Any]]) -> int:
        rows = []
        for eid, props in updates.items():
            bad = RESERVED_ENTITY_KEYS.intersection(props)
            if bad:
                raise ValueError(f"cannot overwrite {sorted(bad)} with set_properties")
            rows.append({"id": eid, "props": {k: list(v) if isinstance(v, tuple) else v for k, v in props.items()}})
        text = self._text("set_entity_properties")

        def work(tx: ManagedTransaction) -> int:
            return sum(tx.run(text, rows=batch).single(strict=True)["updated"] for batch in _batches(rows))

        with self._driver.session(database=self.database) as session:
            return session.execute_write(work)

    def clear(self) -> None:
        with self._driver.session(database=self.database) as session:
            session.run(self._text("clear_all")).consume()

    # --- reading ----------------------------------------------------------------------

    def load(self) -> Graph:
        def work(tx: ManagedTransaction) -> Graph:
            graph = Graph()
            for rec in tx.run(self._text("load_reports")):
                report = _report(rec["r"])
                graph.reports[report.id] = report
            for rec in tx.run(self._text("load_entities")):
                entity = _entity(rec["e"])
                graph.entities[entity.id] = entity
            for rec in tx.run(self._text("load_relations")):
                rel = _relation(rec["r"], rec["source"], rec["target"])
                graph.relations[rel.id] = rel
            return graph

        with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work)

    def stats(self) -> dict[str, Any]:
        labels = {r["label"]: r["n"] for r in self._read("count_labels") if r["n"]}
        types = {r["type"]: r["n"] for r in self._read("count_relation_types") if r["n"]}
        return {
            "reports": self._read("count_reports")[0]["n"],
            "entities": sum(labels.values()),
            "relations": sum(types.values()),
            "labels": labels,
            "relation_types": types,
        }

    def overview(self) -> dict[str, Any]:
        return {
            "entities_per_label": {r["label"]: r["n"] for r in self._read("count_labels") if r["n"]},
            "reports_per_year": {r["key"]: r["n"] for r in self._read("overview_reports_per_year")},
            "reports_per_place": {r["key"]: r["n"] for r in self._read("overview_reports_per_place")},
            "honours_per_place": [dict(r) for r in self._read("overview_honours_per_place", top=OVERVIEW_TOP)],
            "investment_per_subdistrict": [
                dict(r) for r in self._read("overview_investment_per_subdistrict", top=OVERVIEW_TOP)
            ],
        }

    def search(self, text: str, limit: int = 20, labels: Sequence[str] | None = None) -> list[SearchHit]:
        """Candidates from the cjk full-text index (a phrase, or wildcard terms when a phrase
        cannot answer), ranked exactly as the embedded store ranks them."""
        query = fold(text)
        if not query or limit <= 0:
            return []
        cap = max(SEARCH_CANDIDATES, 10 * limit)
        wanted = list(labels) if labels else None
        phrase = '"' + _LUCENE_SPECIAL.sub(r"\\\1", query) + '"'
        if _CJK_ONLY.match(query):
            records = self._read("search_fulltext", phrase=phrase, labels=wanted, cap=cap)
        else:
            lucene = _term_query(query)
            if not lucene:
                return []
            records = self._read("search_terms", lucene=lucene, labels=wanted, cap=cap)
        hits = []
        for rec in records:
            score = match_score(query, rec["name"], rec["aliases"])
            if score is not None:
                hits.append(SearchHit(rec["id"], rec["label"], rec["name"], list(rec["aliases"]), score))
        return rank_hits(hits, limit)

    def entity(self, entity_id: str) -> Entity | None:
        records = self._read("get_entity", id=entity_id)
        return _entity(records[0]["e"]) if records else None

    def entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return []
        found = {e.id: e for e in (_entity(rec["e"]) for rec in self._read("get_entities", ids=ids))}
        return [found[eid] for eid in ids if eid in found]

    def entity_relations(self, entity_id: str) -> list[Relation]:
        return [_relation(r["r"], r["source"], r["target"]) for r in self._read("entity_relations", id=entity_id)]

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        labels: Sequence[str] | None = None,
        rel_types: Sequence[str] | None = None,
        limit: int = 500,
    ) -> Subgraph:
        if not self._read("get_entity", id=entity_id):
            return Subgraph()
        types = list(rel_types) if rel_types else list(FACT_TYPES)
        wanted = list(labels) if labels else None
        order = [entity_id]
        frontier = [entity_id]
        truncated = False
        for _ in range(max(depth, 0)):
            room = limit - len(order)
            found = [
                r["id"]
                for r in self._read(
                    "neighbours_step", frontier=frontier, types=types, labels=wanted, seen=order, cap=room + 1
                )
            ]
            if len(found) > room:
                truncated = True
                found = found[:room]
            order.extend(found)
            frontier = found
            if truncated or not frontier:
                break
        return self._subgraph(order, types, truncated)

    def _subgraph(self, ids: list[str], types: list[str], truncated: bool = False) -> Subgraph:
        nodes: dict[str, Entity | Report] = {}
        for rec in self._read("subgraph_nodes", ids=ids):
            node = rec["n"]
            is_report = isinstance(node, dict) or "Report" in node.labels
            item = _report(node) if is_report else _entity(node)
            nodes[item.id] = item
        result = Subgraph(truncated=truncated)
        for nid in ids:
            item = nodes.get(nid)
            if isinstance(item, Report):
                result.reports.append(item)
            elif isinstance(item, Entity):
                result.entities.append(item)
        result.relations = [
            _relation(r["r"], r["source"], r["target"]) for r in self._read("subgraph_relations", ids=ids, types=types)
        ]
        return result

    def shortest_path(self, source_id: str, target_id: str, max_hops: int = 6) -> Subgraph:
        if source_id == target_id:
            found = self.entity(source_id)
            return Subgraph(entities=[found] if found else [])
        records = self._read("shortest_path", source=source_id, target=target_id)
        if not records:
            return Subgraph()
        nodes, rels = records[0]["nodes"], records[0]["rels"]
        if len(rels) > max_hops:
            return Subgraph()
        return Subgraph(
            entities=[_entity(n) for n in nodes],
            relations=[_relation(r["r"], r["source"], r["target"]) for r in rels],
        )

    def report(self, report_id: str) -> Report | None:
        records = self._read("get_report", id=report_id)
        return _report(records[0]["r"]) if records else None

    def reports(self) -> list[Report]:
        return [_report(rec["r"]) for rec in self._read("list_reports")]

    def report_relations(self, report_id: str) -> list[Relation]:
        records = self._read("report_relations", id=report_id)
        found = [_relation(r["r"], r["source"], r["target"]) for r in records]
        return sorted(found, key=lambda r: (r.type, r.report_id, r.id))

    def close(self) -> None:
        self._driver.close()

    # --- user Cypher ------------------------------------------------------------------

    def run_read(
        self,
        query: str,
        params: dict[str, Any] | None = None,
        *,
        timeout: float = 10.0,
        limit: int = 1000,
        caps: console.Caps | None = None,
    ) -> ReadResult:
        """Run a read-only user query (graph.store.console: tokenizer, EXPLAIN plan check, READ access, caps)."""
        return console.run_read(
            self._driver, self.database, query, params, timeout=timeout, limit=limit, caps=caps
        )


# --- rows in, model objects out ------------------------------------------------------------


def _term_query(query: str) -> str:
    """A Lucene query finding every indexed name or alias that may contain the folded text:
    each ideograph run of two or more as a phrase (the index holds its bigrams), every other
    run (one ideograph, letters and digits, which the analyzer keeps as whole words) as a
    `*run*` wildcard, all ANDed. Runs hold no Lucene syntax; punctuation is left out, as the
    analyzer leaves it out, and the ranking then keeps only true substrings."""
    clauses = [f'"{run}"' if _CJK_RUN.fullmatch(run) else f"*{run}*" for run in _RUNS.findall(query)]
    return " AND ".join(clauses)


@dataclass
class _ReportWrite:
    """What one report's transaction writes, decided on the client before it starts."""

    report: Report
    entities: list[Entity]  # the entities its relations touch (stored form), plus `loose`
    relations: list[tuple[str, Relation]]  # (relation id, relation)
    missing: list[str]  # ends of its relations stored by earlier saves, not in this graph
    loose: frozenset[str] = frozenset()  # entities of the graph named by no relation

    @property
    def keys(self) -> frozenset[str]:
        """What two writes must not touch at once (graph.store.schedule): entities, report, path."""
        return frozenset(
            [*(e.id for e in self.entities), *self.missing, self.report.id, f"path\x1f{self.report.path}"]
        )

    @property
    def fact_sources(self) -> list[str]:
        return sorted({rel.source for _, rel in self.relations if rel.type != "MENTIONS"})


def _plan(graph: Graph) -> list[_ReportWrite]:
    """One write per report of the graph; entities named by no relation go with the first."""
    by_report: dict[str, list[tuple[str, Relation]]] = {rid: [] for rid in graph.reports}
    touched: set[str] = set()
    for rid, rel in graph.relations.items():
        if rel.report_id in by_report:
            by_report[rel.report_id].append((rid, rel))
            touched.update((rel.source, rel.target))
    loose = frozenset(eid for eid in graph.entities if eid not in touched)
    writes = []
    for report in graph.reports.values():
        relations = by_report[report.id]
        ends = {e for _, rel in relations for e in (rel.source, rel.target)}
        mine = loose if not writes else frozenset()
        ids = [eid for eid in graph.entities if eid in ends or eid in mine]
        writes.append(
            _ReportWrite(
                report=report,
                entities=[stored_entity(graph.entities[eid]) for eid in ids],
                relations=relations,
                missing=sorted(ends - graph.entities.keys() - {report.id}),
                loose=mine,
            )
        )
    return writes


def _summary(outcomes: Iterable[tuple[_ReportWrite, str | Exception]]) -> SaveSummary | Exception:
    """The summary of one part's report writes, or the first exception among them."""
    summary, failure, entities = SaveSummary(), None, set()
    for write, outcome in outcomes:
        if isinstance(outcome, Exception):
            failure = failure or outcome
            continue
        getattr(summary, outcome).append(write.report.id)
        if outcome != "unchanged":
            entities.update(e.id for e in write.entities)
            summary.relations += len(write.relations)
    summary.entities = len(entities)
    return summary if failure is None else failure


@contextmanager
def _graph_frozen() -> Iterator[None]:
    """Keep the garbage collector's full collections off the graph being saved: `gc.freeze`
    moves every object alive now (the graph: millions of them) out of the collector's reach
    until the save is over. Without it each full collection walks them all (bench/load_neo4j.py:
    three of about 0.5 s each per load, holding the GIL; planning the writes took 1.3-1.8 s
    instead of 1.1 s)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Rows(list):  # type: ignore[type-arg]
    """A parameter list with a short repr. The driver formats every RUN's parameters for
    its debug log even when debug logging is off (neo4j 5.28 and 6.x, `_bolt5.py` run());
    for a 5,000-row batch that repr costs about 20 ms (bench/load_neo4j.py: about 1 s of the
    client's 13 s of CPU). Packing is unchanged: the packer takes any list.

    The driver also keeps each query's parameters in its Result, which sits in a reference
    cycle, so the rows would wait for the cyclic garbage collector (bench/load_neo4j.py:
    800,000 objects and 2.7 s of GC, a third of the client's CPU, per load). The store
    empties its parameter lists and maps once a query is done, and the rows go at once."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class _ElementIds(dict):  # type: ignore[type-arg]
    """Entity id -> element id, sent with every relationship batch; a short repr like _Rows."""

    def __repr__(self) -> str:
        return f"<{len(self)} element ids>"


def _split(rows: list[list[Any]], is_later: Callable[[list[Any]], bool]) -> tuple[list[Any], list[Any]]:
    """Rows written before a report's turn, and rows written after it."""
    first: list[Any] = []
    rest: list[Any] = []
    for row in rows:
        (rest if is_later(row) else first).append(row)
    return first, rest


def _batches(rows: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(rows), BATCH_ROWS):
        yield _Rows(rows[start : start + BATCH_ROWS])


def _relation_rows(relations: list[tuple[str, Relation]]) -> tuple[list[list[Any]], list[list[Any]]]:
    """Rows for create_mentions and for create_facts (lists: see their descriptions). The
    relations all belong to the report being written, whose id travels once per batch."""
    mentions, facts = [], []
    for rid, relation in relations:
        # orjson writes the Evidence dataclasses itself, fields in order (what the honours
        # queries' sentence split relies on): about twice as fast as building dicts first.
        evidence = orjson.dumps(relation.evidence).decode()
        props = stored_relation_properties(relation)
        if relation.type == "MENTIONS":  # from the report node: only the target travels
            mentions.append([relation.target, rid, evidence, props])
        else:
            facts.append([relation.source, relation.target, relation.type, rid, evidence, props])
    return mentions, facts


def _entity_row(entity: Entity) -> dict[str, Any]:
    labels = [entity.label, "Place"] if entity.label in PLACE_LABELS else [entity.label]
    props = {
        **entity.properties,
        "id": entity.id,
        "label": entity.label,
        "name": entity.name,
        "aliases": entity.aliases,
    }
    return {"id": entity.id, "labels": labels, "props": props}


def _report_props(report: Report, fact_sources: list[str]) -> dict[str, Any]:
    """The report node's properties; `fact_sources` (the entities its facts start at) is how
    delete_report_relations and report_relations find its facts without a relationship index."""
    data = report.to_dict()
    data.pop("id")
    data["sections"] = json.dumps(report.sections, ensure_ascii=False)
    data["years"] = list(report.years)
    data["fact_sources"] = fact_sources
    return data


def _entity(node: Node) -> Entity:
    props = dict(node)
    return Entity(
        id=props.pop("id"),
        label=props.pop("label"),
        name=props.pop("name"),
        aliases=list(props.pop("aliases", None) or []),
        properties=props,
    )


def _report(node: Node | dict[str, Any]) -> Report:
    data = {k: v for k, v in dict(node).items() if v is not None}
    data["sections"] = json.loads(data["sections"]) if data.get("sections") else []
    data["years"] = list(data.get("years") or [])
    return Report.from_dict(data)


def _relation(rel: Relationship, source: str, target: str) -> Relation:
    props = dict(rel)
    props.pop("id", None)
    props.pop("section", None)  # written by earlier versions; the evidence has it
    report_id = props.pop("report_id")
    evidence = json.loads(props.pop("evidence", None) or "[]")
    return Relation(rel.type, source, target, report_id, props, [Evidence.from_dict(e) for e in evidence])
