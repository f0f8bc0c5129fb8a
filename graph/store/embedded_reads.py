"""The embedded store's graph-shaped reads: overview charts, neighbours, shortest paths.

A mixin over EmbeddedStore's in-memory state (kept apart so each module stays
short); the results are the ones graph.store.base documents for both stores.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.model import PLACE_LABELS
from graph.store.base import Subgraph
from graph.store.normalise import FACT_TYPES, OVERVIEW_TOP, brief_report, copy_entity

if TYPE_CHECKING:
    import threading

    from graph.model import Entity, Report
    from graph.store.embedded_file import Fact


class GraphReads:
    """overview, neighbours and shortest_path over the state EmbeddedStore holds."""

    _lock: threading.RLock
    _g: nx.MultiDiGraph
    _entities: dict[str, Entity]
    _reports: dict[str, Report]
    _relations: dict[str, Fact]

    def _refresh(self) -> None:
        raise NotImplementedError

    def overview(self) -> dict[str, Any]:
        with self._lock:
            self._refresh()
            honours: Counter[str] = Counter()
            invested: dict[tuple[str, Any], dict[tuple[Any, Any], int | float]] = defaultdict(dict)
            for rid, rel in self._relations.items():
                if rel.type == "AWARDED":
                    recipient = self._entities.get(rel.source)
                    honour = self._entities.get(rel.target)
                    if (
                        recipient is not None
                        and recipient.label in PLACE_LABELS
                        and honour is not None
                        and honour.label == "Honour"
                    ):
                        honours[rel.source] += 1
                elif rel.type == "INTRODUCED":  # per place and year, each stated amount once
                    amount = rel.properties.get("amount_yuan")
                    place = self._entities.get(rel.source)
                    counted = rel.properties.get("section_kind") != "plan" and isinstance(amount, int | float)
                    if counted and place is not None and place.label == "Subdistrict":
                        ref = (rel.report_id, str(rel.properties.get("amount_ref", rid)))
                        invested[(rel.source, rel.properties.get("year"))][ref] = amount
            reports = self._reports.values()
            honour_rows = [
                {"id": i, "name": self._entities[i].name, "label": self._entities[i].label, "count": n}
                for i, n in honours.items()
            ]
            honour_rows.sort(key=lambda r: (-r["count"], r["name"], r["id"]))
            money_rows = [
                {"id": i, "name": self._entities[i].name, "year": y, "amount_yuan": sum(v.values())}
                for (i, y), v in invested.items()
            ]
            money_rows.sort(key=lambda r: (-r["amount_yuan"], r["name"], r["id"], str(r["year"])))
            return {
                "entities_per_label": dict(Counter(e.label for e in self._entities.values())),
                "reports_per_year": dict(Counter(r.year for r in reports if r.year is not None)),
                "reports_per_place": dict(Counter(r.place for r in reports if r.place)),
                "honours_per_place": honour_rows[:OVERVIEW_TOP],
                "investment_per_subdistrict": money_rows[:OVERVIEW_TOP],
            }

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        labels: Sequence[str] | None = None,
        rel_types: Sequence[str] | None = None,
        limit: int = 500,
    ) -> Subgraph:
        with self._lock:
            self._refresh()
            if entity_id not in self._entities:
                return Subgraph()
            allowed = set(rel_types) if rel_types else set(FACT_TYPES)
            wanted = set(labels) if labels else None
            seen = {entity_id}
            order = [entity_id]
            frontier = [entity_id]
            truncated = False
            for _ in range(max(depth, 0)):
                following: list[str] = []
                for node in frontier:
                    for adjacency in (self._g.succ[node], self._g.pred[node]):
                        for other, keyed in adjacency.items():
                            if other in seen or not self._admits(other, wanted):
                                continue
                            if not any(self._relations[k].type in allowed for k in keyed):
                                continue
                            if len(order) >= limit:
                                truncated = True
                                break
                            seen.add(other)
                            order.append(other)
                            following.append(other)
                frontier = following
                if truncated or not frontier:
                    break
            return self._subgraph(order, allowed, truncated)

    def _admits(self, node: str, wanted: set[str] | None) -> bool:
        if node in self._reports:
            return True
        return wanted is None or self._entities[node].label in wanted

    def _subgraph(self, nodes: list[str], allowed: set[str], truncated: bool = False) -> Subgraph:
        """The given nodes and every relation of an allowed type among them."""
        inside = set(nodes)
        result = Subgraph(truncated=truncated)
        for node in nodes:
            if node in self._reports:
                result.reports.append(brief_report(self._reports[node]))
            else:
                result.entities.append(copy_entity(self._entities[node]))
            for _, other, key in self._g.out_edges(node, keys=True):
                rel = self._relations[key]
                if other in inside and rel.type in allowed:
                    result.relations.append(rel.relation())
        return result

    def shortest_path(self, source_id: str, target_id: str, max_hops: int = 6) -> Subgraph:
        with self._lock:
            self._refresh()
            if source_id not in self._entities or target_id not in self._entities:
                return Subgraph()
            facts = nx.subgraph_view(self._g, filter_node=self._entities.__contains__)
            try:
                path = nx.bidirectional_shortest_path(facts.to_undirected(as_view=True), source_id, target_id)
            except nx.NetworkXNoPath:
                return Subgraph()
            if len(path) - 1 > max_hops:
                return Subgraph()
            result = Subgraph(entities=[copy_entity(self._entities[n]) for n in path])
            for a, b in zip(path, path[1:], strict=False):
                keys = list(self._g.get_edge_data(a, b, default={})) + list(
                    self._g.get_edge_data(b, a, default={})
                )
                result.relations.append(self._relations[min(keys)].relation())
            return result

