"""User Cypher for the viewer's console and `govkg query`: read-only by Neo4j's own judgement.

Three locks, each enough for what the previous one misses:

1. The tokenizer (graph.store.readonly) refuses write and admin clauses before
   anything reaches the database. It is fast and names the clause, but it is our
   reading of Cypher, not Neo4j's.
2. The query is planned with `EXPLAIN` in the same transaction, and runs only if
   Neo4j calls it read-only (`query_type == "r"`) and every operator of the plan
   is on READ_OPERATORS and every procedure on READ_PROCEDURES (graph.store.readonly). That is how a
   `LOAD CSV` hidden from the tokenizer, `SHOW TRANSACTIONS`, `TERMINATE
   TRANSACTIONS` or `CALL dbms.listConfig()` is caught: Neo4j plans them as
   `LoadCSV`, `ShowTransactions`, `TerminateTransactions` and a `ProcedureCall`
   of a procedure not on the list, all of which Neo4j itself calls "read".
3. It runs in a READ access session, so a write that got this far still fails.

The answer is bounded (Caps): rows, items and characters per cell, nesting
depth, and the size of the whole answer; the rest is cut and marked.
"""

from __future__ import annotations

import base64
import dataclasses
import math
import re
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship

from graph.queries import writes
from graph.store.readonly import READ_PROCEDURES, ReadOnlyViolation, check_read_only

__all__ = [
    "READ_OPERATORS",
    "READ_PROCEDURES",
    "Caps",
    "PlanRefused",
    "QueryError",
    "ReadOnlyViolation",
    "ReadResult",
    "plan_violations",
    "run_read",
]

# Plan operators that only read the graph (Neo4j 5 operator names, without the
# "@database" suffix). An operator not named here refuses the query: new or
# unusual operators are refused until someone looks at them.
READ_OPERATORS = frozenset(
    {
        # leaves: scans and seeks
        "AllNodesScan", "Argument", "NodeByLabelScan", "NodeByIdSeek", "NodeByElementIdSeek",
        "NodeIndexSeek", "NodeUniqueIndexSeek", "MultiNodeIndexSeek", "AssertingMultiNodeIndexSeek",
        "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange", "NodeIndexScan", "NodeIndexContainsScan",
        "NodeIndexEndsWithScan", "IntersectionNodeByLabelsScan", "UnionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan", "NodeCountFromCountStore", "RelationshipCountFromCountStore",
        "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
        "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
        "DirectedUnionRelationshipTypesScan", "UndirectedUnionRelationshipTypesScan",
        "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek",
        "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek",
        "DirectedRelationshipUniqueIndexSeek", "UndirectedRelationshipUniqueIndexSeek",
        "DirectedRelationshipIndexSeekByRange", "UndirectedRelationshipIndexSeekByRange",
        "DirectedRelationshipUniqueIndexSeekByRange", "UndirectedRelationshipUniqueIndexSeekByRange",
        "DirectedRelationshipIndexScan", "UndirectedRelationshipIndexScan",
        "DirectedRelationshipIndexContainsScan", "UndirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan", "UndirectedRelationshipIndexEndsWithScan",
        # traversal
        "Expand", "OptionalExpand", "VarLengthExpand", "ShortestPath", "StatefulShortestPath",
        "Trail", "Repeat", "ProjectEndpoints", "NullifyMetadata",
        # combining rows
        "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
        "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply",
        "ConditionalApply", "AntiConditionalApply", "CartesianProduct", "NodeHashJoin", "ValueHashJoin",
        "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "TriadicSelection", "TriadicBuild",
        "TriadicFilter", "Union", "OrderedUnion", "Optional", "AssertSameNode", "AssertSameRelationship",
        # rows
        "ProduceResults", "Filter", "Projection", "Limit", "ExhaustiveLimit", "Skip", "Sort",
        "PartialSort", "Top", "PartialTop", "Distinct", "OrderedDistinct", "EagerAggregation",
        "OrderedAggregation", "Unwind", "Eager", "CacheProperties", "EmptyResult",
        # checked one by one against READ_PROCEDURES
        "ProcedureCall",
    }
)  # fmt: skip
_LOCKING = re.compile(r"locking", re.IGNORECASE)
_OPERATOR = re.compile(r"^([A-Za-z]+)(\([^)]*\))?(?:@(.*))?$")
_PROCEDURE = re.compile(r"^\s*([\w.`]+)\s*\(")


class QueryError(RuntimeError):
    """Neo4j refused or failed a user query; the message is Neo4j's."""


class PlanRefused(ReadOnlyViolation):
    """Neo4j's plan of the query is not read-only, or uses an operator or procedure not allowed."""


@dataclass(frozen=True)
class Caps:
    """How much of an answer is kept: the rest is cut, and the result says so."""

    rows: int = 1000
    cell_items: int = 1000  # list items or map entries kept per list or map
    cell_chars: int = 10_000  # characters kept per string (bytes: of their base64 text)
    depth: int = 20  # nesting of lists and maps kept
    answer_chars: int = 2_000_000  # about the JSON size of all rows together


@dataclass
class ReadResult:
    """A user query's result, JSON-safe, with the graph elements in it for drawing."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False  # rows left out (row limit or answer size)
    cells_cut: int = 0  # values shortened by the per-cell caps

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "truncated": self.truncated,
            "cells_cut": self.cells_cut,
        }


def run_read(
    driver: Driver,
    database: str,
    query: str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float = 10.0,
    limit: int = 1000,
    caps: Caps | None = None,
) -> ReadResult:
    """Run a read-only user query: tokenizer, EXPLAIN plan check, READ access, timeout, caps."""
    check_read_only(query)
    caps = caps or Caps()
    if limit != caps.rows:
        caps = dataclasses.replace(caps, rows=limit)
    try:
        return _run_read(driver, database, query, params or {}, timeout=timeout, caps=caps)
    except RecursionError as exc:  # a value nested deeper than the driver can unpack
        raise QueryError("the answer is nested too deeply to show") from exc


def plan_violations(query_type: str | None, plan: dict[str, Any] | None, database: str) -> list[str]:
    """Why Neo4j's plan of a query is not one the console may run (empty when it may)."""
    if query_type != "r":
        return [f"query type {query_type!r} (not read-only 'r')"]
    if not plan:
        return ["no plan"]
    found: list[str] = []
    stack = [plan]
    while stack:
        step = stack.pop()
        stack.extend(step.get("children") or [])
        operator = str(step.get("operatorType", ""))
        match = _OPERATOR.match(operator)
        if match is None or match.group(1) not in READ_OPERATORS or _LOCKING.search(operator):
            found.append(f"operator {operator}")
            continue
        if match.group(3) is not None and match.group(3) != database:
            found.append(f"operator {operator} on another database")
        if match.group(1) == "ProcedureCall":
            details = str((step.get("args") or {}).get("Details") or "")
            name = _PROCEDURE.match(details)
            procedure = name.group(1).replace("`", "") if name else details
            if procedure not in READ_PROCEDURES:
                found.append(f"procedure {procedure or '(unnamed)'}")
    return sorted(set(found))


def _check_plan(tx: ManagedTransaction, query: str, params: dict[str, Any], database: str) -> None:
    """Plan the query with EXPLAIN (nothing runs) and refuse it unless the plan only reads."""
    summary = tx.run("EXPLAIN " + query, params).consume()  # type: ignore[arg-type]  # user text
    found = plan_violations(summary.query_type, summary.plan, database)
    if found:
        raise PlanRefused(f"only read queries may run here; Neo4j's plan shows {', '.join(found)}")


def _run_read(
    driver: Driver, database: str, query: str, params: dict[str, Any], *, timeout: float, caps: Caps
) -> ReadResult:
    endpoints = writes()["nodes_by_element_id"].text

    # The driver takes a transaction timeout for a transaction function through
    # unit_of_work (neo4j.Query(text, timeout=...) is only accepted by session.run).
    @neo4j.unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> ReadResult:
        _check_plan(tx, query, params, database)
        drawing = _Drawing(caps)
        result = tx.run(query, params)  # type: ignore[arg-type]  # user text, checked read-only
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= caps.rows:
                truncated = True
                break
            row = [drawing.plain(v) for v in record.values()]
            if drawing.size > caps.answer_chars and rows:
                truncated = True
                break
            rows.append(row)
        result.consume()
        # end nodes of returned relationships that the query did not return, so they can be drawn
        wanted = drawing.missing_ends()
        for rec in tx.run(endpoints, ids=sorted(wanted)) if wanted else []:
            drawing.node(rec["n"], shown=False)
        return ReadResult(columns, rows, drawing.nodes(), drawing.relationships(), truncated, drawing.cut)

    try:
        with driver.session(
            database=database,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        ) as session:
            return session.execute_read(work)
    except Neo4jError as exc:
        raise QueryError(exc.message or str(exc)) from exc
    except DriverError as exc:
        raise QueryError(f"{type(exc).__name__}: {exc}") from exc


class _Drawing:
    """Turns result values JSON-safe within the caps, and collects the nodes and
    relationships met on the way for drawing. `size` counts about the JSON characters
    of what was returned in rows; `cut` counts the values shortened."""

    def __init__(self, caps: Caps) -> None:
        self.caps = caps
        self.size = 0
        self.cut = 0
        self._nodes: dict[str, dict[str, Any]] = {}
        self._node_size: dict[str, int] = {}
        self._rels: dict[str, dict[str, Any]] = {}
        self._rel_size: dict[str, int] = {}
        self._ids: dict[str, str] = {}  # element id -> id shown (the `id` property when there is one)

    def _props(self, element: Node | Relationship) -> dict[str, Any]:
        before = self.size
        props = self.plain(dict(element.items()), depth=1)
        self.size = before
        return props

    def node(self, node: Node, *, shown: bool = True) -> dict[str, Any]:
        known = self._nodes.get(node.element_id)
        if known is None or (not known["properties"] and len(node)):
            props = self._props(node)
            display = str(props.get("id") or node.element_id)
            labels = sorted(node.labels)
            label = props.get("label") or ("Report" if "Report" in labels else next(iter(labels), ""))
            known = {
                "id": display,
                "element_id": node.element_id,
                "labels": labels,
                "label": label,
                "name": props.get("name") or props.get("title") or display,
                "properties": props,
            }
            self._nodes[node.element_id] = known
            self._ids[node.element_id] = display
            self._node_size[node.element_id] = _json_size(known)
        if shown:
            self.size += self._node_size[node.element_id]
        return known

    def relationship(self, rel: Relationship) -> dict[str, Any]:
        known = self._rels.get(rel.element_id)
        if known is None:
            props = self._props(rel)
            known = {
                "id": str(props.get("id") or rel.element_id),
                "element_id": rel.element_id,
                "type": rel.type,
                "source": rel.start_node.element_id if rel.start_node is not None else None,
                "target": rel.end_node.element_id if rel.end_node is not None else None,
                "properties": props,
            }
            self._rels[rel.element_id] = known
            self._rel_size[rel.element_id] = _json_size(known)
        self.size += self._rel_size[rel.element_id]
        return known

    def plain(self, value: Any, depth: int = 0) -> Any:
        caps = self.caps
        if value is None or isinstance(value, bool | int):
            self.size += 6
            return value
        if isinstance(value, float):
            self.size += 12
            return value if math.isfinite(value) else str(value)
        if isinstance(value, str):
            return self._text(value)
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            return {
                "nodes": [self.node(n) for n in value.nodes],
                "relationships": [self.relationship(r) for r in value.relationships],
            }
        if isinstance(value, bytes | bytearray):
            kept = caps.cell_chars * 3 // 4  # base64 makes 4 characters of 3 bytes
            if len(value) > kept:
                self.cut += 1
                value = value[:kept]
            return self._text(base64.b64encode(bytes(value)).decode("ascii"))
        if isinstance(value, list | tuple | dict):
            if depth >= caps.depth:
                self.cut += 1
                return self._text(f"… nested deeper than {caps.depth} levels")
            self.size += 2
            items = list(value.items()) if isinstance(value, dict) else value
            kept = items[: caps.cell_items]
            if isinstance(value, dict):
                plain: Any = {str(k): self.plain(v, depth + 1) for k, v in kept}
                self.size += sum(len(str(k)) + 4 for k, _ in kept)
            else:
                plain = [self.plain(v, depth + 1) for v in kept]
                self.size += len(kept)
            if len(items) > len(kept):
                self.cut += 1
                more = f"… {len(items) - len(kept):,} more"
                if isinstance(plain, dict):
                    plain["…"] = more
                else:
                    plain.append(more)
            return plain
        iso = getattr(value, "iso_format", None)
        return self._text(iso() if callable(iso) else str(value))

    def _text(self, text: str) -> str:
        if len(text) > self.caps.cell_chars:
            self.cut += 1
            text = f"{text[: self.caps.cell_chars]}… ({len(text):,} characters)"
        self.size += len(text) + 2
        return text

    def missing_ends(self) -> set[str]:
        """Element ids of relationship ends that are not among the nodes met."""
        ends = {end for data in self._rels.values() for end in (data["source"], data["target"])}
        return {end for end in ends if end is not None and end not in self._nodes}

    def nodes(self) -> list[dict[str, Any]]:
        return list(self._nodes.values())

    def relationships(self) -> list[dict[str, Any]]:
        """Relationships whose ends are both known, with ends as the nodes' shown ids."""
        drawn = []
        for data in self._rels.values():
            if data["source"] in self._ids and data["target"] in self._ids:
                ends = {"source": self._ids[data["source"]], "target": self._ids[data["target"]]}
                drawn.append({**data, **ends})
        return drawn


def _json_size(value: Any) -> int:
    """About the JSON characters of an already plain value (strings counted by length)."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 4 + _json_size(v) for k, v in value.items())
    if isinstance(value, list):
        return 2 + sum(1 + _json_size(v) for v in value)
    return 6
