"""The embedded store: a NetworkX MultiDiGraph in memory, one file on disk.

Entities and reports are nodes; each relation is a keyed edge (key = relation
id), MENTIONS running from the report node to the entity. The whole graph is
written to `graph.govkg` in the data dir after every change (temp file in the
same dir, fsync, os.replace), so a crash leaves the old file or the new one,
never half of one. The file is a versioned header followed by a pickle of plain
tuples and dicts (not of model classes), which loads about as fast as pickling
the objects but survives changes to the model's classes; see docs/stores.md
for the pickle-vs-JSON figures.

A store opened by another process (the viewer) notices a newer file on its
next read and reloads it, so `govkg build` and `govkg serve` can share a dir.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import heapq
import os
import pickle
import tempfile
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from graph.model import (
    PLACE_LABELS,
    Entity,
    Evidence,
    Graph,
    Relation,
    Report,
    normalise_name,
)
from graph.store.base import SaveSummary, SearchHit, Subgraph

FILE_NAME = "graph.govkg"
MAGIC = b"GOVKG-EMBEDDED\n"
FORMAT_VERSION = 2
FACT_TYPES = ("PART_OF", "AWARDED", "INTRODUCED", "INVESTS_IN", "LOCATED_IN", "CARRIES_OUT", "REPORTED")
RESERVED_ENTITY_KEYS = frozenset({"id", "name", "label", "aliases"})
OVERVIEW_TOP = 50  # rows in the ranked overview lists (both stores)


class StoreFileError(RuntimeError):
    """The store file exists but cannot be read (corrupt, truncated, or another format)."""


# --- shared by both stores: normalising what is written, ranking search hits --------


def fold(text: str) -> str:
    """The key search compares on: width-folded, unquoted, case-folded."""
    return normalise_name(text).casefold()


def match_score(query: str, name: str, aliases: Iterable[str]) -> float | None:
    """Exact name > name prefix > name substring > exact alias > alias substring.

    `query` is already folded. None when neither the name nor an alias contains it.
    """
    key = fold(name)
    if key == query:
        return 4.0
    if key.startswith(query):
        return 3.0
    if query in key:
        return 2.0
    best: float | None = None
    for alias in aliases:
        akey = fold(alias)
        if akey == query:
            return 1.5
        if query in akey:
            best = 1.0
    return best


def rank_hits(hits: list[SearchHit], limit: int) -> list[SearchHit]:
    """Best first; ties go to the shorter name, then alphabetical, so both stores agree."""
    return heapq.nsmallest(limit, hits, key=lambda h: (-h.score, len(h.name), h.name, h.id))


def clean_properties(properties: dict[str, Any], reserved: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Drop None values (Neo4j cannot hold them) and keys the store owns; tuples become lists."""
    if reserved.isdisjoint(properties):  # the usual case: nothing to drop or convert, ~4x faster
        for value in properties.values():
            if value is None or isinstance(value, tuple):
                break
        else:
            return dict(properties)
    return {
        k: list(v) if isinstance(v, tuple) else v
        for k, v in properties.items()
        if v is not None and k not in reserved
    }


_RESERVED_RELATION_KEYS = frozenset({"id", "report_id", "evidence", "section"})


def stored_entity(entity: Entity) -> Entity:
    """A private copy of an entity as both stores hold it."""
    return Entity(
        id=entity.id,
        label=entity.label,
        name=entity.name,
        aliases=list(dict.fromkeys(a for a in entity.aliases if a != entity.name)) if entity.aliases else [],
        properties=clean_properties(entity.properties, RESERVED_ENTITY_KEYS),
    )


def stored_relation(relation: Relation) -> Relation:
    """A private copy of a relation as both stores hold it: `section_kind` always set."""
    return Relation(
        type=relation.type,
        source=relation.source,
        target=relation.target,
        report_id=relation.report_id,
        properties=stored_relation_properties(relation),
        evidence=list(relation.evidence),
    )


def stored_relation_properties(relation: Relation) -> dict[str, Any]:
    """A relation's properties as both stores hold them: keys the stores own dropped,
    `section_kind` always set."""
    properties = clean_properties(relation.properties, _RESERVED_RELATION_KEYS)
    if "section_kind" not in properties:
        properties["section_kind"] = relation.evidence[0].section_kind if relation.evidence else "other"
    return properties


def brief_report(report: Report) -> Report:
    """A report without its text and sections (lists, subgraphs)."""
    return replace(report, text="", sections=[], years=list(report.years))


def copy_report(report: Report) -> Report:
    return replace(report, years=list(report.years), sections=[dict(s) for s in report.sections])


def copy_entity(entity: Entity) -> Entity:
    return Entity(entity.id, entity.label, entity.name, list(entity.aliases), dict(entity.properties))


class _Fact(NamedTuple):
    """A relation as the embedded store holds it: plain values, evidence as tuples, so a
    300,000-relation file loads without building 300,000 objects (they are built on read)."""

    type: str
    source: str
    target: str
    report_id: str
    properties: dict[str, Any]
    evidence: tuple[tuple[Any, ...], ...]

    @classmethod
    def of(cls, rel: Relation) -> _Fact:
        evidence = tuple((e.report_id, e.section, e.section_kind, e.sentence, e.start, e.end, e.marks)
                         for e in rel.evidence)
        return cls(rel.type, rel.source, rel.target, rel.report_id, rel.properties, evidence)

    def relation(self) -> Relation:
        return Relation(
            self.type,
            self.source,
            self.target,
            self.report_id,
            dict(self.properties),
            [Evidence(*e) for e in self.evidence],
        )


def relation_order(relation: Relation) -> tuple[str, str, str]:
    return (relation.type, relation.report_id, relation.id)


def plan_save(graph: Graph, stored_id_for_path: dict[str, str], stored_ids: set[str]) -> tuple[
    SaveSummary, list[Report], dict[str, str], set[str]
]:
    """Decide per report: unchanged, new, or replacing the report stored under its path.

    Returns the summary (counts not filled), the reports to write, {new id: old id}
    for replacements, and the entity ids that only unchanged reports touch (not written).
    """
    summary = SaveSummary()
    to_write: list[Report] = []
    replaces: dict[str, str] = {}
    for report in graph.reports.values():
        if report.id in stored_ids:
            summary.unchanged.append(report.id)
            continue
        old = stored_id_for_path.get(report.path)
        if old is not None and old != report.id:
            replaces[report.id] = old
            summary.replaced.append(report.id)
        else:
            summary.written.append(report.id)
        to_write.append(report)
    writing = {r.id for r in to_write}
    touched_by_written: set[str] = set()
    touched_by_unchanged: set[str] = set()
    for rel in graph.relations.values():
        ends = (rel.source, rel.target)
        if rel.report_id in writing:
            touched_by_written.update(ends)
        elif rel.report_id in stored_ids:
            touched_by_unchanged.update(ends)
    skip = touched_by_unchanged - touched_by_written
    if not to_write:
        skip = set(graph.entities)
    return summary, to_write, replaces, skip


# --- the store ---------------------------------------------------------------------


class EmbeddedStore:
    """GraphStore over a NetworkX MultiDiGraph persisted to one file."""

    name = "embedded"

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILE_NAME
        self._lock = threading.RLock()
        self._deferred = 0  # > 0 inside batch(): flush once at the end
        self._dirty = False
        self._signature: tuple[int, int] | None = None
        self._reset()
        self._read_file()

    # --- in-memory state --------------------------------------------------------------

    def _reset(self) -> None:
        self._g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._entities: dict[str, Entity] = {}
        self._reports: dict[str, Report] = {}
        self._by_path: dict[str, str] = {}
        self._relations: dict[str, _Fact] = {}
        self._by_report: dict[str, set[str]] = defaultdict(set)  # report id -> relation ids
        self._index: _NameIndex | None = None

    def _add_entity(self, entity: Entity) -> bool:
        """Add or merge; True when the stored entity changed."""
        held = self._entities.get(entity.id)
        if held is None:
            self._entities[entity.id] = entity
            self._g.add_node(entity.id)
            self._index = None
            return True
        before = (held.name, list(held.aliases), dict(held.properties))
        held.merge(entity)
        if before != (held.name, held.aliases, held.properties):
            self._index = None
            return True
        return False

    def _add_report(self, report: Report) -> None:
        self._reports[report.id] = report
        if report.path:
            self._by_path[report.path] = report.id
        self._g.add_node(report.id)

    def _add_relation(self, relation: Relation) -> None:
        rid = relation.id
        self._relations[rid] = _Fact.of(relation)
        self._by_report[relation.report_id].add(rid)
        self._g.add_edge(relation.source, relation.target, key=rid)

    def _remove_report(self, report_id: str) -> None:
        """Drop a report, its facts, and the entities its facts touched that nothing else touches."""
        report = self._reports.pop(report_id, None)
        if report is not None and self._by_path.get(report.path) == report_id:
            del self._by_path[report.path]
        touched: set[str] = set()
        for rid in self._by_report.pop(report_id, set()):
            rel = self._relations.pop(rid)
            touched.update((rel.source, rel.target))
            self._g.remove_edge(rel.source, rel.target, key=rid)
        if self._g.has_node(report_id):
            self._g.remove_node(report_id)
        for node in touched:
            if node in self._entities and self._g.degree(node) == 0:
                del self._entities[node]
                self._g.remove_node(node)
                self._index = None

    # --- persistence ------------------------------------------------------------------

    def _file_signature(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _read_file(self) -> None:
        signature = self._file_signature()
        self._reset()
        if signature is not None:
            payload = _read_payload(self.path)
            try:
                self._ingest(payload)
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                self._reset()
                raise StoreFileError(f"{self.path} is corrupt: {type(exc).__name__}: {exc}") from exc
        self._signature = signature

    def _refresh(self) -> None:
        """Reload when another process replaced the file since we last read or wrote it."""
        if self._deferred == 0 and self._file_signature() != self._signature:
            self._read_file()

    def _ingest(self, payload: dict[str, Any]) -> None:
        """Rebuild the in-memory graph from a file's payload, in bulk."""
        with _gc_paused():
            for data in payload["reports"]:
                self._add_report(Report.from_dict(data))
            entities = self._entities
            for eid, label, name, aliases, props in payload["entities"]:
                entities[eid] = Entity(eid, label, name, aliases, props)
            self._g.add_nodes_from(entities)
            self._relations = {rid: _Fact._make(row) for rid, row in payload["relations"].items()}
            by_report = self._by_report
            edges = []
            for rid, fact in self._relations.items():
                by_report[fact.report_id].add(rid)
                edges.append((fact.source, fact.target, rid))
            self._g.add_edges_from(edges)

    def _payload(self) -> dict[str, Any]:
        return {
            "reports": [r.to_dict() for r in self._reports.values()],
            "entities": [(e.id, e.label, e.name, e.aliases, e.properties) for e in self._entities.values()],
            "relations": {rid: tuple(fact) for rid, fact in self._relations.items()},
        }

    def _changed(self) -> None:
        self._dirty = True
        if self._deferred == 0:
            self._flush()

    def _flush(self) -> None:
        if not self._dirty:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=self.data_dir)
        try:
            with _gc_paused(), os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC)
                fh.write(FORMAT_VERSION.to_bytes(4, "big"))
                pickle.dump(self._payload(), fh, protocol=pickle.HIGHEST_PROTOCOL)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.data_dir)
        self._dirty = False
        self._signature = self._file_signature()

    @contextlib.contextmanager
    def batch(self) -> Iterator[EmbeddedStore]:
        """Write the file once for many saves (a build of many reports) instead of after each."""
        with self._lock:
            self._refresh()
            self._deferred += 1
            try:
                yield self
            finally:
                self._deferred -= 1
                if self._deferred == 0:
                    self._flush()

    # --- writing ----------------------------------------------------------------------

    def save_each(self, parts: Iterable[Graph]) -> Iterator[tuple[Graph, SaveSummary | Exception]]:
        with self.batch():
            for part in parts:
                try:
                    yield part, self.save(part)
                except Exception as exc:  # the caller records it; the batch goes on
                    yield part, exc

    def save(self, graph: Graph) -> SaveSummary:
        with self._lock:
            self._refresh()
            summary, to_write, replaces, skip = plan_save(graph, self._by_path, set(self._reports))
            if not to_write:
                return summary
            writing = {r.id for r in to_write}
            relations = [r for r in graph.relations.values() if r.report_id in writing]
            known = graph.entities.keys() | self._entities.keys() | writing
            for rel in relations:
                for end in (rel.source, rel.target):
                    if end not in known:
                        raise ValueError(f"relation {rel.id} ({rel.type}) points at unknown node {end!r}")
            with _gc_paused():
                self._write(graph, to_write, replaces, skip, relations, summary)
            self._changed()
            return summary

    def _write(
        self,
        graph: Graph,
        to_write: list[Report],
        replaces: dict[str, str],
        skip: set[str],
        relations: list[Relation],
        summary: SaveSummary,
    ) -> None:
        for old in replaces.values():
            self._remove_report(old)
        for report in to_write:
            self._add_report(copy_report(report))
        for entity in graph.entities.values():
            if entity.id not in skip:
                self._add_entity(stored_entity(entity))
                summary.entities += 1
        for rel in relations:
            self._add_relation(stored_relation(rel))
            summary.relations += 1

    def delete_report(self, report_id: str) -> bool:
        with self._lock:
            self._refresh()
            if report_id not in self._reports:
                return False
            self._remove_report(report_id)
            self._changed()
            return True

    def set_properties(self, updates: dict[str, dict[str, Any]]) -> int:
        with self._lock:
            self._refresh()
            count = 0
            for eid, props in updates.items():
                entity = self._entities.get(eid)
                if entity is None:
                    continue
                bad = RESERVED_ENTITY_KEYS.intersection(props)
                if bad:
                    raise ValueError(f"cannot overwrite {sorted(bad)} with set_properties")
                for key, value in props.items():
                    if value is None:
                        entity.properties.pop(key, None)
                    else:
                        entity.properties[key] = list(value) if isinstance(value, tuple) else value
                count += 1
            if count:
                self._changed()
            return count

    def clear(self) -> None:
        with self._lock:
            self._reset()
            self._dirty = True
            self._flush()

    # --- reading ----------------------------------------------------------------------

    def load(self) -> Graph:
        with self._lock:
            self._refresh()
            graph = Graph()
            for report in self._reports.values():
                graph.reports[report.id] = copy_report(report)
            for entity in self._entities.values():
                graph.entities[entity.id] = copy_entity(entity)
            for rid, fact in self._relations.items():
                graph.relations[rid] = fact.relation()
            return graph

    def stats(self) -> dict[str, Any]:
        with self._lock:
            self._refresh()
            return {
                "reports": len(self._reports),
                "entities": len(self._entities),
                "relations": len(self._relations),
                "labels": dict(Counter(e.label for e in self._entities.values())),
                "relation_types": dict(Counter(r.type for r in self._relations.values())),
            }

    def overview(self) -> dict[str, Any]:
        with self._lock:
            self._refresh()
            honours: Counter[str] = Counter()
            invested: dict[str, int | float] = defaultdict(int)
            for rel in self._relations.values():
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
                elif rel.type == "INTRODUCED":
                    amount = rel.properties.get("amount_yuan")
                    place = self._entities.get(rel.source)
                    if place is not None and place.label == "Subdistrict" and isinstance(amount, int | float):
                        invested[rel.source] += amount
            reports = self._reports.values()
            honour_rows = [
                {"id": i, "name": self._entities[i].name, "label": self._entities[i].label, "count": n}
                for i, n in honours.items()
            ]
            honour_rows.sort(key=lambda r: (-r["count"], r["name"], r["id"]))
            money_rows = [
                {"id": i, "name": self._entities[i].name, "amount_yuan": v} for i, v in invested.items()
            ]
            money_rows.sort(key=lambda r: (-r["amount_yuan"], r["name"], r["id"]))
            return {
                "entities_per_label": dict(Counter(e.label for e in self._entities.values())),
                "reports_per_year": dict(Counter(r.year for r in reports if r.year is not None)),
                "reports_per_place": dict(Counter(r.place for r in reports if r.place)),
                "honours_per_place": honour_rows[:OVERVIEW_TOP],
                "investment_per_subdistrict": money_rows[:OVERVIEW_TOP],
            }

    def search(self, text: str, limit: int = 20, labels: Sequence[str] | None = None) -> list[SearchHit]:
        query = fold(text)
        if not query or limit <= 0:
            return []
        with self._lock:
            self._refresh()
            if self._index is None:
                self._index = _NameIndex(self._entities.values())
            wanted = set(labels) if labels else None
            hits = []
            for eid, score in self._index.best(query, limit, wanted):
                entity = self._entities[eid]
                hits.append(SearchHit(eid, entity.label, entity.name, list(entity.aliases), score))
            return hits

    def entity(self, entity_id: str) -> Entity | None:
        with self._lock:
            self._refresh()
            held = self._entities.get(entity_id)
            return copy_entity(held) if held is not None else None

    def entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        with self._lock:
            self._refresh()
            held = (self._entities.get(eid) for eid in dict.fromkeys(entity_ids))
            return [copy_entity(e) for e in held if e is not None]

    def entity_relations(self, entity_id: str) -> list[Relation]:
        with self._lock:
            self._refresh()
            if entity_id not in self._entities:
                return []
            found = [
                self._relations[key].relation()
                for view in (self._g.out_edges, self._g.in_edges)
                for _, _, key in view(entity_id, keys=True)
            ]
            return sorted(found, key=relation_order)

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

    def report(self, report_id: str) -> Report | None:
        with self._lock:
            self._refresh()
            held = self._reports.get(report_id)
            return copy_report(held) if held is not None else None

    def reports(self) -> list[Report]:
        with self._lock:
            self._refresh()
            found = [brief_report(r) for r in self._reports.values()]
        return sorted(found, key=report_order)

    def report_relations(self, report_id: str) -> list[Relation]:
        with self._lock:
            self._refresh()
            found = [self._relations[k].relation() for k in self._by_report.get(report_id, ())]
        return sorted(found, key=relation_order)

    def close(self) -> None:
        with self._lock:
            self._flush()


def report_order(report: Report) -> tuple[str, int, str, str]:
    """Reports by place, then year (unknown years last), then path."""
    return (report.place, report.year if report.year is not None else 10**6, report.path, report.id)


class _NameIndex:
    """Folded names and aliases, held so that search ranks without looking at every candidate.

    Entities are kept in the ranking's tie-break order (shorter name, then name, then id), so
    within one score tier the first hits met are the best ones and a scan stops after `limit`
    of them: exact names and aliases come from dicts, name prefixes from a bisect over the
    sorted keys, substrings from one string per kind (names, aliases) searched with str.find.
    A common word (有限公司 in thousands of names) costs `limit` hits, not thousands."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        ordered = sorted(entities, key=lambda e: (len(e.name), e.name, e.id))
        self._ids = [e.id for e in ordered]
        self._labels = [e.label for e in ordered]
        names = [fold(e.name) for e in ordered]
        self._exact_name: dict[str, list[int]] = defaultdict(list)
        self._exact_alias: dict[str, list[int]] = defaultdict(list)
        alias_keys: list[str] = []
        alias_owner: list[int] = []
        for rank, (entity, key) in enumerate(zip(ordered, names, strict=True)):
            self._exact_name[key].append(rank)
            for alias in entity.aliases:
                akey = fold(alias)
                self._exact_alias[akey].append(rank)
                alias_keys.append(akey)
                alias_owner.append(rank)
        self._prefix = sorted((key, rank) for rank, key in enumerate(names))
        self._prefix_keys = [key for key, _ in self._prefix]
        self._names = _Haystack(names, list(range(len(names))))
        self._aliases = _Haystack(alias_keys, alias_owner)

    def best(self, query: str, limit: int, wanted: set[str] | None) -> list[tuple[str, float]]:
        """The best `limit` (entity id, `match_score`) pairs, in the order `rank_hits` gives."""
        taken: dict[int, float] = {}

        def admit(ranks: Iterable[int], score: float) -> None:
            room = limit - sum(1 for s in taken.values() if s == score)
            for rank in ranks:
                if room <= 0:
                    return
                if rank not in taken and (wanted is None or self._labels[rank] in wanted):
                    taken[rank] = score
                    room -= 1

        if "\n" not in query:
            admit(self._exact_name.get(query, ()), 4.0)
            start = bisect.bisect_left(self._prefix_keys, query)
            end = bisect.bisect_left(self._prefix_keys, query + "\U0010ffff", start)
            admit(sorted(rank for _, rank in self._prefix[start:end]), 3.0)
            if len(taken) < limit:
                admit(self._names.owners(query), 2.0)
            if len(taken) < limit:
                admit(self._exact_alias.get(query, ()), 1.5)
            if len(taken) < limit:
                admit(self._aliases.owners(query), 1.0)
        ordered = sorted(taken.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(self._ids[rank], score) for rank, score in ordered]


class _Haystack:
    """Keys joined in one string, so a substring search is a C-level scan; owners per key."""

    def __init__(self, keys: list[str], owners: list[int]) -> None:
        self._owners = owners
        self._starts: list[int] = []
        offset = 0
        for key in keys:
            self._starts.append(offset)
            offset += len(key) + 1
        self._text = "\n".join(keys)

    def owners(self, query: str) -> Iterator[int]:
        """Owners of the keys containing the query, in key order (lazily: callers stop early)."""
        find, starts, last = self._text.find, self._starts, len(self._starts) - 1
        pos = find(query)
        while pos != -1:
            entry = bisect.bisect_right(starts, pos) - 1
            yield self._owners[entry]
            pos = find(query, starts[entry + 1]) if entry < last else -1


def _read_payload(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(MAGIC))
            if magic != MAGIC:
                raise StoreFileError(f"{path} is not a GovKG embedded store file (bad header)")
            version = int.from_bytes(fh.read(4), "big")
            if version != FORMAT_VERSION:
                raise StoreFileError(
                    f"{path} has store format version {version}; this GovKG reads version {FORMAT_VERSION}"
                )
            with _gc_paused():
                payload = pickle.load(fh)
    except StoreFileError:
        raise
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError) as exc:
        raise StoreFileError(f"{path} is corrupt or truncated: {type(exc).__name__}: {exc}") from exc
    if not isinstance(payload, dict) or not {"reports", "entities", "relations"} <= payload.keys():
        raise StoreFileError(f"{path} is corrupt: unexpected content")
    return payload


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC during bulk (de)serialisation: it would rescan the growing heap over and over."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
