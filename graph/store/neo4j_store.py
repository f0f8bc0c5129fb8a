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

import itertools
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    DatabaseUnavailable,
    DriverError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.model import Entity, Graph, Report
from graph.queries import Query, schema_statements, writes
from graph.store import console
from graph.store.base import SaveSummary, StoreUnavailableError
from graph.store.console import QueryError, ReadOnlyViolation, ReadResult
from graph.store.neo4j_reads import Neo4jReads
from graph.store.neo4j_rows import (
    ElementIds,
    ReportWrite,
    Rows,
    entity_of,
    entity_row,
    graph_frozen,
    in_batches,
    plan_writes,
    relation_rows,
    report_props,
    split_rows,
    summary_of,
)
from graph.store.normalise import computed_properties
from graph.store.planning import VersionRow, remerged
from graph.store.schedule import ALONE, Turn, run_in_turn

__all__ = ["Neo4jStore", "QueryError", "ReadOnlyViolation", "ReadResult"]

WRITERS = 2  # reports written at once: the server runs a transaction on one core (see save_each)
# How long the driver keeps at it when Neo4j goes away: a transaction is retried for RETRY_SECONDS
# (the driver's default of 30 s per report made a build with Neo4j gone retry for 250-280 s), a
# connection attempt gives up after CONNECT_SECONDS; after the first such failure the store stops
# trying (StoreUnavailableError at once), so a build ends with one clear line well within 30 s.
RETRY_SECONDS = 8.0
CONNECT_SECONDS = 5.0
_GONE = (ServiceUnavailable, SessionExpired, DatabaseUnavailable)  # a stopping server says the last


class Neo4jStore(Neo4jReads):
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
        self._driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            max_transaction_retry_time=RETRY_SECONDS,
            connection_timeout=CONNECT_SECONDS,
            connection_acquisition_timeout=CONNECT_SECONDS + RETRY_SECONDS,
        )
        self._q: dict[str, Query] = writes()
        self._gone: StoreUnavailableError | None = None  # set when Neo4j stopped answering
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

    @contextmanager
    def _answering(self) -> Iterator[None]:
        """Turn 'Neo4j is gone' into one StoreUnavailableError, and once it is gone, fail at once
        instead of retrying every later call (a build has hundreds of reports to write)."""
        if self._gone is not None:
            raise self._gone
        try:
            yield
        except (TransientError, DriverError) as exc:
            if not isinstance(exc, _GONE) and self._still_answering():
                raise  # a deadlock or a timeout the retries did not get past: this report's failure only
            self._gone = StoreUnavailableError(
                f"Neo4j at {self.uri} stopped answering ({type(exc).__name__}: {exc}). What was committed "
                "before is kept; run the command again once Neo4j is back (stored reports are skipped as unchanged)"
            )
            raise self._gone from exc

    def _stop_if_gone(self) -> None:
        """Inside a transaction function: once another writer found Neo4j gone, stop (not a
        driver error, so the driver does not retry it)."""
        if self._gone is not None:
            raise self._gone

    def _still_answering(self) -> bool:
        """After a transient failure the retries did not get past: does the database still run
        a query? One auto-commit RETURN 1, which the driver does not retry. (A stopping Neo4j
        first terminates transactions and answers DatabaseUnavailable, and only then refuses
        connections; verify_connectivity alone would still pass.)"""
        try:
            with self._driver.session(database=self.database) as session:
                session.run("RETURN 1").consume()
        except Exception:
            return False
        return True

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
        with graph_frozen():
            alone = self._replacing([report for part in parts for report in part.reports.values()])
            writes: list[ReportWrite] = []  # in order, as they are planned

            def planned() -> Iterator[ReportWrite]:
                for part in parts:
                    for write in plan_writes(part):
                        writes.append(write)
                        yield write

            def keys(write: ReportWrite) -> frozenset[str] | None:
                return ALONE if write.report.id in alone else write.keys

            outcomes = run_in_turn(planned(), keys, self._try_write, workers=WRITERS)
            done = 0  # one write per report, so a part's writes are the next len(part.reports)
            for part in parts:
                results = list(itertools.islice(outcomes, len(part.reports)))
                yield part, summary_of(zip(writes[done : done + len(results)], results, strict=True))
                done += len(results)

    def _replacing(self, reports: list[Report]) -> set[str]:
        """Reports whose path is stored under another id, or comes earlier in this save
        (none to find when there is only one: nothing runs beside it)."""
        if len(reports) < 2:
            return set()
        rows = Rows({"id": report.id, "path": report.path} for report in reports)
        replacing = set(self._read("reports_replacing", reports=rows)[0]["ids"])
        earlier: dict[str, set[str]] = {}  # path -> ids of the reports before
        for report in reports:
            ids = earlier.setdefault(report.path, set())
            if ids - {report.id}:
                replacing.add(report.id)
            ids.add(report.id)
        return replacing

    def _try_write(self, write: ReportWrite, turn: Turn, wait_for_turn: Callable[[], None]) -> str | Exception:
        """One report in one managed transaction: 'written', 'replaced' or 'unchanged', or the
        exception that rolled it back (the caller records it; the other reports go on)."""
        def wait_then_check() -> None:
            wait_for_turn()
            self._stop_if_gone()

        try:
            mentions, facts = relation_rows(write.relations)
            with self._answering(), self._driver.session(database=self.database) as session:
                return session.execute_write(self._save_report, write, mentions, facts, turn.shared, wait_then_check)
        except Exception as exc:
            return exc

    def _save_report(
        self,
        tx: ManagedTransaction,
        write: ReportWrite,
        mentions: list[list[Any]],
        facts: list[list[Any]],
        shared: frozenset[str],
        wait_for_turn: Callable[[], None],
    ) -> str:
        """The report, its own entities and the relationships among them first; then, once the
        earlier reports naming the `shared` entities have finished, the rest."""
        self._stop_if_gone()  # a retry of this transaction after Neo4j went away: no use
        report = write.report
        status = tx.run(self._text("report_status"), id=report.id, path=report.path).single(strict=True)
        if status["stored"]:
            if write.loose:  # entities named by no relation travel with the graph's first report
                wait_for_turn()
                self._merge_entities(tx, [e for e in write.entities if e.id in write.loose])
            return "unchanged"
        for old in status["replaces"]:
            self._delete_in(tx, old)
        props = report_props(write)
        report_node = tx.run(self._text("merge_report"), id=report.id, props=props).single(strict=True)
        element = ElementIds({report.id: report_node["element_id"]})  # how relationships find their ends
        try:
            later = shared.union(write.missing)  # what waits for the earlier reports
            own_mentions, later_mentions = split_rows(mentions, lambda row: row[0] in later)
            own_facts, later_facts = split_rows(facts, lambda row: row[0] in later or row[1] in later)
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
            element.clear()  # see Rows: the driver keeps parameters in a cycle
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
            for batch in in_batches(rows)
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
        ids = Rows(e.id for e in entities)
        stored = {rec["e"]["id"]: entity_of(rec["e"]) for rec in tx.run(self._text("stored_entities"), ids=ids)}
        ids.clear()
        rows = []
        for entity in entities:
            held = stored.get(entity.id)
            if held is not None:
                held.merge(entity)
                entity = held
            rows.append(entity_row(entity))
        element = ElementIds()
        for batch in in_batches(rows):
            written = tx.run(self._text("merge_entities"), rows=batch).single(strict=True)
            element.update(zip(written["ids"], written["element_ids"], strict=True))
            batch.clear()
        return element

    def _delete_in(self, tx: ManagedTransaction, report_id: str) -> bool:
        """The report, its relationships and the entities left without any; the entities it
        gave a version of that remain are merged again from the other reports' versions."""
        versions = tx.run(self._text("report_versions"), id=report_id).single()
        dropped = orjson.loads(versions["versions"]) if versions and versions["versions"] else []
        touched = tx.run(self._text("delete_report_relations"), id=report_id).single(strict=True)["touched"]
        deleted = tx.run(self._text("delete_report_node"), id=report_id).single(strict=True)["deleted"]
        tx.run(self._text("delete_orphans"), ids=touched).consume()
        if dropped:
            self._remerge(tx, dropped)
        return bool(deleted)

    def _remerge(self, tx: ManagedTransaction, dropped: list[VersionRow]) -> None:
        """Merge again, from the versions the remaining reports gave (in save order), the
        entities a removed report had given a version of (graph.store.planning.remerged).
        An entity named by a report stored before versions were kept is left as it is."""
        by_id = {row[0]: row for row in dropped}
        holders = {rec["e"]["id"]: (entity_of(rec["e"]), rec["reports"])
                   for rec in tx.run(self._text("version_holders"), ids=list(by_id))}
        wanted = sorted({rid for _, reports in holders.values() for rid in reports})
        kept: dict[str, tuple[int, dict[str, VersionRow]]] = {}
        for rec in tx.run(self._text("report_versions_many"), ids=wanted):
            if rec["versions"] is not None and rec["saved"] is not None:
                kept[rec["id"]] = (rec["saved"], {row[0]: row for row in orjson.loads(rec["versions"])})
        rows = []
        for eid, (current, reports) in holders.items():
            if any(rid not in kept for rid in reports):
                continue
            given = [kept[rid][1][eid] for rid in sorted(reports, key=lambda r: kept[r][0]) if eid in kept[rid][1]]
            if given:
                rows.append(entity_row(remerged(current, given, [by_id[eid]])))
        for batch in in_batches(rows):
            tx.run(self._text("merge_entities"), rows=batch).consume()

    def delete_report(self, report_id: str) -> bool:
        with self._answering(), self._driver.session(database=self.database) as session:
            return session.execute_write(self._delete_in, report_id)

    def set_properties(self, updates: dict[str, dict[str, Any]]) -> int:
        rows = [{"id": eid, "props": computed_properties(props)} for eid, props in updates.items()]
        text = self._text("set_entity_properties")

        def work(tx: ManagedTransaction) -> int:
            return sum(tx.run(text, rows=batch).single(strict=True)["updated"] for batch in in_batches(rows))

        with self._answering(), self._driver.session(database=self.database) as session:
            return session.execute_write(work)

    def clear(self) -> None:
        with self._answering(), self._driver.session(database=self.database) as session:
            session.run(self._text("clear_all")).consume()

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
