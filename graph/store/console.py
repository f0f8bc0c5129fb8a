"""User Cypher for the viewer's console and `govkg query`.

A user query is refused by the tokenizer in graph.store.readonly when it writes,
and run in a READ access session anyway, with a timeout and a row limit. The
result comes back JSON-safe, with the nodes and relationships in it for drawing.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship

from graph.queries import writes
from graph.store.readonly import ReadOnlyViolation, check_read_only

__all__ = ["QueryError", "ReadOnlyViolation", "ReadResult", "run_read"]


class QueryError(RuntimeError):
    """Neo4j refused or failed a user query; the message is Neo4j's."""


@dataclass
class ReadResult:
    """A user query's result, JSON-safe, with the graph elements in it for drawing."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "truncated": self.truncated,
        }


def run_read(
    driver: Driver,
    database: str,
    query: str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float = 10.0,
    limit: int = 1000,
) -> ReadResult:
    """Run a read-only user query: refused if it writes, READ access mode, timeout, row limit."""
    check_read_only(query)
    return _run_read(driver, database, query, params or {}, timeout=timeout, limit=limit)


def _run_read(
    driver: Driver, database: str, query: str, params: dict[str, Any], *, timeout: float, limit: int
) -> ReadResult:
    endpoints = writes()["nodes_by_element_id"].text

    # The driver takes a transaction timeout for a transaction function through
    # unit_of_work (neo4j.Query(text, timeout=...) is only accepted by session.run).
    @neo4j.unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> tuple[list[str], list[list[Any]], bool, list[Node]]:
        result = tx.run(query, params)  # type: ignore[arg-type]  # user text, checked read-only
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= limit:
                truncated = True
                break
            rows.append(list(record.values()))
        result.consume()
        # end nodes of returned relationships that the query did not return, so they can be drawn
        have = {n.element_id for n in _elements(rows, Node)}
        wanted = {
            end.element_id
            for rel in _elements(rows, Relationship)
            for end in (rel.start_node, rel.end_node)
            if end is not None and end.element_id not in have
        }
        extra = [rec["n"] for rec in tx.run(endpoints, ids=sorted(wanted))] if wanted else []
        return columns, rows, truncated, extra

    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            columns, rows, truncated, extra = session.execute_read(work)
    except Neo4jError as exc:
        raise QueryError(exc.message or str(exc)) from exc
    except DriverError as exc:
        raise QueryError(f"{type(exc).__name__}: {exc}") from exc
    drawing = _Drawing()
    for node in extra:
        drawing.node(node)
    plain_rows = [[drawing.plain(v) for v in row] for row in rows]
    return ReadResult(columns, plain_rows, drawing.nodes(), drawing.relationships(), truncated)


def _elements(value: Any, kind: type) -> Iterator[Any]:
    """Every Node or Relationship inside a result value (lists, maps and paths included)."""
    if isinstance(value, kind):
        yield value
    if isinstance(value, Path):
        yield from _elements(list(value.nodes) + list(value.relationships), kind)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _elements(item, kind)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _elements(item, kind)


class _Drawing:
    """Turns result values JSON-safe and collects the nodes and relationships met on the way."""

    def __init__(self) -> None:
        self._nodes: dict[str, dict[str, Any]] = {}
        self._rels: dict[str, dict[str, Any]] = {}
        self._ids: dict[str, str] = {}  # element id -> id shown (the `id` property when there is one)

    def node(self, node: Node) -> dict[str, Any]:
        props = {k: self.plain(v) for k, v in node.items()}
        shown = str(props.get("id") or node.element_id)
        data = {
            "id": shown,
            "element_id": node.element_id,
            "labels": sorted(node.labels),
            "label": props.get("label") or ("Report" if "Report" in node.labels else next(iter(sorted(node.labels)), "")),
            "name": props.get("name") or props.get("title") or shown,
            "properties": props,
        }
        known = self._nodes.get(node.element_id)
        if known is None or (not known["properties"] and props):
            self._nodes[node.element_id] = data
            self._ids[node.element_id] = shown
        return self._nodes[node.element_id]

    def relationship(self, rel: Relationship) -> dict[str, Any]:
        props = {k: self.plain(v) for k, v in rel.items()}
        data = {
            "id": str(props.get("id") or rel.element_id),
            "element_id": rel.element_id,
            "type": rel.type,
            "source": rel.start_node.element_id if rel.start_node is not None else None,
            "target": rel.end_node.element_id if rel.end_node is not None else None,
            "properties": props,
        }
        self._rels[rel.element_id] = data
        return data

    def plain(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | int | str):
            return value
        if isinstance(value, float):
            return value if math.isfinite(value) else str(value)
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            return {
                "nodes": [self.node(n) for n in value.nodes],
                "relationships": [self.relationship(r) for r in value.relationships],
            }
        if isinstance(value, list | tuple):
            return [self.plain(v) for v in value]
        if isinstance(value, dict):
            return {str(k): self.plain(v) for k, v in value.items()}
        if isinstance(value, bytes | bytearray):
            return base64.b64encode(bytes(value)).decode("ascii")
        iso = getattr(value, "iso_format", None)
        return iso() if callable(iso) else str(value)

    def nodes(self) -> list[dict[str, Any]]:
        return list(self._nodes.values())

    def relationships(self) -> list[dict[str, Any]]:
        """Relationships whose ends are both known, with ends as the nodes' shown ids."""
        drawn = []
        for data in self._rels.values():
            if data["source"] in self._ids and data["target"] in self._ids:
                drawn.append({**data, "source": self._ids[data["source"]], "target": self._ids[data["target"]]})
        return drawn
