"""The one small interface both stores implement (embedded NetworkX and Neo4j).

Everything above the stores (CLI, viewer, analytics, exports) talks to this
interface only; the same test suite runs against both implementations. It comes
in three parts: GraphWriter (what a build or `delete-report` needs), GraphReader
(what the viewer needs) and the optional CypherConsole (Neo4j only: user Cypher).
GraphStore is writer and reader together, what open_store() returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from graph.model import Entity, Graph, Relation, Report


@dataclass
class SaveSummary:
    """What one save() did, report by report."""

    written: list[str] = field(default_factory=list)  # new reports
    unchanged: list[str] = field(default_factory=list)  # same content hash already stored
    replaced: list[str] = field(default_factory=list)  # same path, new content: old facts removed
    entities: int = 0  # entity rows written (merged) by this save
    relations: int = 0  # relation rows written by this save


@dataclass
class Subgraph:
    """A part of the graph for display: entities, the relations among them, and
    the reports among the nodes when MENTIONS edges are asked for."""

    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)  # without text
    truncated: bool = False  # a limit cut the result

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "reports": [r.to_dict(with_text=False) for r in self.reports],
            "truncated": self.truncated,
        }


@dataclass
class SearchHit:
    id: str
    label: str
    name: str
    aliases: list[str]
    score: float  # higher is better; exact name > prefix > substring > alias


class StoreError(RuntimeError):
    """A store cannot do what was asked, for a reason to tell the user in one line (no traceback):
    its file is unreadable, another process holds its lock, its server went away."""


class StoreUnavailableError(StoreError):
    """The store's server stopped answering (Neo4j went away)."""


@runtime_checkable
class GraphWriter(Protocol):
    """Writing a persistent graph of reports, entities and facts."""

    name: str  # "embedded" or "neo4j"

    def save(self, graph: Graph) -> SaveSummary:
        """Idempotent: a report already stored (same id) changes nothing; a report
        whose path is stored under another id replaces that report's facts."""

    def save_each(self, parts: Iterable[Graph]) -> Iterator[tuple[Graph, SaveSummary | Exception]]:
        """Save many graphs (a build: one per report), yielding each with its summary or the
        exception that stopped it, in the order given: one failure never stops the rest."""

    def delete_report(self, report_id: str) -> bool:
        """Remove a report, its facts, and entities no remaining report mentions."""

    def set_properties(self, updates: dict[str, dict[str, Any]]) -> int:
        """Write computed node properties (e.g. pagerank, community) by entity id."""

    def clear(self) -> None:
        """Remove everything (tests, benchmarks, `govkg build --fresh`)."""

    def batch(self) -> AbstractContextManager[Any]:
        """Group many saves (a build): the embedded store writes its file once at the end;
        Neo4j, which commits per report anyway, does nothing special."""

    def close(self) -> None: ...


@runtime_checkable
class GraphReader(Protocol):
    """Reading a persistent graph: what the viewer, analytics and exports use."""

    name: str  # "embedded" or "neo4j"

    def load(self) -> Graph:
        """The whole graph, reports with their text."""

    def stats(self) -> dict[str, Any]:
        """{"reports": n, "entities": n, "relations": n,
        "labels": {label: n}, "relation_types": {type: n}}"""

    def overview(self) -> dict[str, Any]:
        """Chart data for the home page:
        {"entities_per_label": {label: n},
         "reports_per_year": {year: n},
         "reports_per_place": {place: n},
         "honours_per_place": [{"id", "name", "label", "count"}],   # AWARDED by recipient place
         "investment_per_subdistrict": [{"id", "name", "amount_yuan"}]}  # INTRODUCED amounts"""

    def search(self, text: str, limit: int = 20, labels: Sequence[str] | None = None) -> list[SearchHit]:
        """Entities whose name or alias contains the text, best first."""

    def entity(self, entity_id: str) -> Entity | None: ...

    def entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        """Many entities in one call (a report page names dozens); unknown ids are left out."""

    def entity_relations(self, entity_id: str) -> list[Relation]:
        """Every fact touching the entity, with evidence (MENTIONS included)."""

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        labels: Sequence[str] | None = None,
        rel_types: Sequence[str] | None = None,
        limit: int = 500,
    ) -> Subgraph:
        """The entity and everything within `depth` hops, optionally only through
        the given relation types and to entities of the given labels."""

    def shortest_path(self, source_id: str, target_id: str, max_hops: int = 6) -> Subgraph:
        """One shortest path (ignoring direction and MENTIONS); empty when none."""

    def report(self, report_id: str) -> Report | None: ...

    def reports(self) -> list[Report]:
        """All reports, without text, ordered by place then year."""

    def report_relations(self, report_id: str) -> list[Relation]:
        """The facts drawn from one report."""

    def close(self) -> None: ...


@runtime_checkable
class CypherConsole(Protocol):
    """The optional capability of running a user's read-only Cypher (the Neo4j store has it)."""

    def run_read(
        self, query: str, params: dict[str, Any] | None = None, *, timeout: float = 10.0, limit: int = 1000
    ) -> Any:
        """Columns, rows and the graph elements in them; refused when the query would write."""


@runtime_checkable
class GraphStore(GraphWriter, GraphReader, Protocol):
    """A persistent graph of reports, entities and facts: writing and reading."""
