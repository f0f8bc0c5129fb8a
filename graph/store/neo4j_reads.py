"""The Neo4j store's reads: whole graph, counts, search, entities, neighbourhoods, reports.

A mixin over Neo4jStore's driver (kept apart so each module stays short). Every
read is a named query from cypher/writes (read.cypher, explore.cypher,
overview.cypher) run in a managed read transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction

from graph.model import Entity, Graph, Relation, Report
from graph.store.base import SearchHit, Subgraph
from graph.store.lucene import phrase_query, term_query
from graph.store.neo4j_rows import entity_of, relation_of, report_of
from graph.store.normalise import FACT_TYPES, OVERVIEW_TOP, fold
from graph.store.ranking import MAX_QUERY_CHARS, match_score, rank_hits, search_key, searchable

SEARCH_CANDIDATES = 200  # full-text candidates ranked in Python (at least 10 x limit)


class Neo4jReads:
    """The GraphReader half of Neo4jStore."""

    _driver: Driver
    database: str

    def _text(self, name: str) -> str:
        raise NotImplementedError

    def _answering(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _read(self, name: str, **params: Any) -> list[neo4j.Record]:
        """All records of one named read query, in a managed read transaction."""
        text = self._text(name)

        def work(tx: ManagedTransaction) -> list[neo4j.Record]:
            return list(tx.run(text, params))

        with self._answering(), self._driver.session(
            database=self.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            return session.execute_read(work)

    def load(self) -> Graph:
        def work(tx: ManagedTransaction) -> Graph:
            graph = Graph()
            for rec in tx.run(self._text("load_reports")):
                report = report_of(rec["r"])
                graph.reports[report.id] = report
            for rec in tx.run(self._text("load_entities")):
                entity = entity_of(rec["e"])
                graph.entities[entity.id] = entity
            for rec in tx.run(self._text("load_relations")):
                rel = relation_of(rec["r"], rec["source"], rec["target"])
                graph.relations[rel.id] = rel
            return graph

        with self._answering(), self._driver.session(
            database=self.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
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
        query = search_key(text)
        if not query or limit <= 0 or not searchable(query):
            return []
        cap = max(SEARCH_CANDIDATES, 10 * limit)
        wanted = list(labels) if labels else None
        phrase = phrase_query(query)
        if phrase is not None:
            records = self._read("search_fulltext", phrase=phrase, labels=wanted, cap=cap)
        else:
            # Words from the text as typed: folding drops spaces ("img src" -> "imgsrc"), and the
            # index holds the words apart, so the terms come from each space-separated part.
            lucene = term_query(" ".join(fold(part) for part in text[: MAX_QUERY_CHARS * 4].split()))
            if not lucene:
                return []
            records = self._read("search_terms", lucene=lucene, labels=wanted, cap=cap)
        hits = []
        for rec in records:
            score = match_score(query, rec["name"], rec["aliases"])
            if score is not None:
                hits.append(SearchHit(rec["id"], rec["label"], rec["name"], list(rec["aliases"]), score))
        return rank_hits(hits, limit)

    def entities_of_label(self, label: str, offset: int = 0, limit: int = 50) -> list[Entity]:
        """One page of the entities of a label, by name then id (a label's list in the viewer)."""
        records = self._read("entities_of_label", label=label, offset=offset, limit=limit)
        return [entity_of(rec["e"]) for rec in records]

    def entity(self, entity_id: str) -> Entity | None:
        records = self._read("get_entity", id=entity_id)
        return entity_of(records[0]["e"]) if records else None

    def entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return []
        found = {e.id: e for e in (entity_of(rec["e"]) for rec in self._read("get_entities", ids=ids))}
        return [found[eid] for eid in ids if eid in found]

    def entity_relations(self, entity_id: str) -> list[Relation]:
        return [relation_of(r["r"], r["source"], r["target"]) for r in self._read("entity_relations", id=entity_id)]

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
            item = report_of(node) if is_report else entity_of(node)
            nodes[item.id] = item
        result = Subgraph(truncated=truncated)
        for nid in ids:
            item = nodes.get(nid)
            if isinstance(item, Report):
                result.reports.append(item)
            elif isinstance(item, Entity):
                result.entities.append(item)
        result.relations = [
            relation_of(r["r"], r["source"], r["target"]) for r in self._read("subgraph_relations", ids=ids, types=types)
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
            entities=[entity_of(n) for n in nodes],
            relations=[relation_of(r["r"], r["source"], r["target"]) for r in rels],
        )

    def report(self, report_id: str) -> Report | None:
        records = self._read("get_report", id=report_id)
        return report_of(records[0]["r"]) if records else None

    def reports(self) -> list[Report]:
        return [report_of(rec["r"]) for rec in self._read("list_reports")]

    def report_relations(self, report_id: str) -> list[Relation]:
        records = self._read("report_relations", id=report_id)
        found = [relation_of(r["r"], r["source"], r["target"]) for r in records]
        return sorted(found, key=lambda r: (r.type, r.report_id, r.id))
