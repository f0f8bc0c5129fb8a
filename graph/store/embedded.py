"""The embedded store: a NetworkX MultiDiGraph in memory, one JSON file on disk.

Entities and reports are nodes; each relation is a keyed edge (key = relation
id), MENTIONS running from the report node to the entity. The whole graph is
written to `graph.govkg` in the data dir after every change, or once per
`batch()` (graph.store.embedded_file: versioned JSON, atomic replace, a lock
so that one process writes at a time).

A store opened by another process (the viewer) notices a newer file on its
next read and reloads it, so `govkg build` and `govkg serve` can share a dir.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from graph.model import Entity, Graph, Relation, Report
from graph.store.base import SaveSummary, SearchHit
from graph.store.embedded_file import (
    FILE_NAME,
    Fact,
    StoreBusyError,
    StoreFileError,
    WriteLock,
    gc_paused,
    read_store_file,
    remove_stale_temp_files,
    write_store_file,
)
from graph.store.embedded_reads import GraphReads
from graph.store.embedded_versions import VersionKeeping
from graph.store.name_index import NameIndex
from graph.store.normalise import (
    brief_report,
    computed_properties,
    copy_entity,
    copy_report,
    relation_order,
    report_order,
    stored_entity,
    stored_relation,
)
from graph.store.planning import VersionRow, entities_per_report, plan_save, version_row
from graph.store.ranking import search_key, searchable

__all__ = ["FILE_NAME", "EmbeddedStore", "StoreBusyError", "StoreFileError"]


class EmbeddedStore(GraphReads, VersionKeeping):
    """GraphStore over a NetworkX MultiDiGraph persisted to one file."""

    name = "embedded"

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILE_NAME
        self._lock = threading.RLock()
        self._file_lock = WriteLock(self.data_dir)
        self._writing_depth = 0  # > 0 while writes are under way: the file is written once at the end
        self._dirty = False
        self._signature: tuple[int, int, int] | None = None
        self.removed_temp_files = remove_stale_temp_files(self.data_dir, self._file_lock)
        self._reset()
        self._read_file()

    # --- in-memory state --------------------------------------------------------------

    def _reset(self) -> None:
        self._g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._entities: dict[str, Entity] = {}
        self._reports: dict[str, Report] = {}
        self._by_path: dict[str, str] = {}
        self._relations: dict[str, Fact] = {}
        self._by_report: dict[str, set[str]] = defaultdict(set)  # report id -> relation ids
        self._versions_held: dict[str, list[VersionRow]] | None = {}  # report id -> its versions, save order
        self._versions_raw = b"[]"  # the file's versions line, parsed only when a write needs it
        self._givers: dict[str, list[tuple[str, VersionRow]]] | None = None  # entity id -> (report, version)
        self._index: NameIndex | None = None

    def _add_entity(self, entity: Entity) -> None:
        """Add or merge."""
        held = self._entities.get(entity.id)
        self._index = None
        if held is None:
            self._entities[entity.id] = entity
            self._g.add_node(entity.id)
        else:
            held.merge(entity)

    def _add_report(self, report: Report) -> None:
        self._reports[report.id] = report
        if report.path:
            self._by_path[report.path] = report.id
        self._g.add_node(report.id)

    def _add_relation(self, relation: Relation) -> None:
        rid = relation.id
        self._relations[rid] = Fact.of(relation)
        self._by_report[relation.report_id].add(rid)
        self._g.add_edge(relation.source, relation.target, key=rid)

    def _remove_report(self, report_id: str) -> None:
        """Drop a report and its facts; the entities its facts touched that nothing else touches
        go, and the others are merged again from the versions the remaining reports gave."""
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
        self._remerge_without(report_id)

    # --- persistence ------------------------------------------------------------------

    def _file_signature(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _read_file(self) -> None:
        signature = self._file_signature()
        self._reset()
        if signature is not None:
            body, versions = read_store_file(self.path)
            try:
                self._ingest(body, versions)
            except (KeyError, ValueError, TypeError, AttributeError, IndexError) as exc:
                self._reset()
                raise StoreFileError(f"{self.path} is corrupt: {type(exc).__name__}: {exc}") from exc
        self._signature = signature

    def _refresh(self) -> None:
        """Reload when another process replaced the file since we last read or wrote it."""
        if self._writing_depth == 0 and self._file_signature() != self._signature:
            self._read_file()

    def _ingest(self, body: dict[str, Any], versions: bytes) -> None:
        """Rebuild the in-memory graph from a file's body, in bulk."""
        with gc_paused():
            for data in body["reports"]:
                self._add_report(Report.from_dict(data))
            entities = self._entities
            for eid, label, name, aliases, props in body["nodes"]:
                entities[eid] = Entity(eid, label, name, aliases, props)
            self._g.add_nodes_from(entities)
            relations = self._relations
            by_report = self._by_report
            edges = []
            for rid, rtype, source, target, report_id, props, evidence in body["links"]:
                relations[rid] = Fact(rtype, source, target, report_id, props, evidence)
                by_report[report_id].add(rid)
                edges.append((source, target, rid))
            _add_edges(self._g, edges)
            self._versions_held, self._versions_raw = None, versions

    def _body(self) -> dict[str, Any]:
        return {
            "reports": [r.to_dict() for r in self._reports.values()],
            "nodes": [(e.id, e.label, e.name, e.aliases, e.properties) for e in self._entities.values()],
            "links": [(rid, *fact) for rid, fact in self._relations.items()],
        }

    def _flush(self) -> None:
        if not self._dirty:
            return
        versions = self._versions_raw if self._versions_held is None else orjson.dumps(list(self._versions.items()))
        write_store_file(self.path, self._body(), versions)
        self._dirty = False
        self._signature = self._file_signature()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the data dir's write lock (waiting for another writer, up to GOVKG_LOCK_TIMEOUT),
        start from the file as it is now, and write it once when the outermost write ends."""
        with self._lock:
            if self._writing_depth == 0:
                self._file_lock.acquire()
                try:
                    self._refresh()
                except BaseException:
                    self._file_lock.release()
                    raise
            self._writing_depth += 1
            try:
                yield
            finally:
                self._writing_depth -= 1
                if self._writing_depth == 0:
                    try:
                        self._flush()
                    finally:
                        self._file_lock.release()

    @contextlib.contextmanager
    def batch(self) -> Iterator[EmbeddedStore]:
        """Write the file once for many saves (a build of many reports) instead of after each;
        no other process writes to the data dir meanwhile."""
        with self._writing():
            yield self

    # --- writing ----------------------------------------------------------------------

    def save_each(self, parts: Iterable[Graph]) -> Iterator[tuple[Graph, SaveSummary | Exception]]:
        with self.batch():
            for part in parts:
                try:
                    yield part, self.save(part)
                except Exception as exc:  # the caller records it; the batch goes on
                    yield part, exc

    def save(self, graph: Graph) -> SaveSummary:
        with self._writing():
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
            self._dirty = True
            with gc_paused():
                self._write(graph, to_write, replaces, skip, relations, summary)
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
        stored = {eid: stored_entity(e) for eid, e in graph.entities.items() if eid not in skip}
        for report in to_write:
            self._add_report(copy_report(report))
        for rid, ids in entities_per_report(graph, to_write).items():
            self._add_versions(rid, [version_row(stored[eid]) for eid in ids if eid in stored])
        for entity in stored.values():
            self._add_entity(entity)
            summary.entities += 1
        for rel in relations:
            self._add_relation(stored_relation(rel))
            summary.relations += 1

    def delete_report(self, report_id: str) -> bool:
        with self._writing():
            if report_id not in self._reports:
                return False
            self._dirty = True
            self._remove_report(report_id)
            return True

    def set_properties(self, updates: dict[str, dict[str, Any]]) -> int:
        with self._writing():
            count = 0
            for eid, props in updates.items():
                entity = self._entities.get(eid)
                if entity is None:
                    continue
                for key, value in computed_properties(props).items():
                    if value is None:
                        entity.properties.pop(key, None)
                    else:
                        entity.properties[key] = value
                count += 1
            if count:
                self._dirty = True
            return count

    def clear(self) -> None:
        with self._writing():
            self._reset()
            self._dirty = True

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

    def search(self, text: str, limit: int = 20, labels: Sequence[str] | None = None) -> list[SearchHit]:
        query = search_key(text)
        if not query or limit <= 0 or not searchable(query):
            return []
        with self._lock:
            self._refresh()
            if self._index is None:
                self._index = NameIndex(self._entities.values())
            wanted = set(labels) if labels else None
            hits = []
            for eid, score in self._index.best(query, limit, wanted):
                entity = self._entities[eid]
                hits.append(SearchHit(eid, entity.label, entity.name, list(entity.aliases), score))
            return hits

    def entities_of_label(self, label: str, offset: int = 0, limit: int = 50) -> list[Entity]:
        """One page of the entities of a label, by name then id (a label's list in the viewer)."""
        with self._lock:
            self._refresh()
            found = sorted((e for e in self._entities.values() if e.label == label), key=lambda e: (e.name, e.id))
            return [copy_entity(e) for e in found[offset : offset + limit]]

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
        """Write what a failed write left unwritten (normally nothing: every write ends written)."""
        with self._lock:
            if self._dirty and self._writing_depth == 0:
                self._file_lock.acquire()
                try:
                    self._flush()
                finally:
                    self._file_lock.release()


def _add_edges(graph: nx.MultiDiGraph, edges: list[tuple[str, str, str]]) -> None:
    """MultiDiGraph.add_edges_from for keyed edges without attributes, straight into its
    adjacency dicts (as add_edge fills them: one key dict shared by succ[u][v] and pred[v][u]).
    add_edges_from took over half of opening a 300,000-relation store."""
    succ, pred, new_keys = graph._succ, graph._pred, graph.edge_key_dict_factory  # noqa: SLF001
    for u, v, key in edges:
        if u not in succ:
            graph.add_node(u)
        if v not in succ:
            graph.add_node(v)
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = new_keys()
        keys[key] = {}
    nx._clear_cache(graph)  # noqa: SLF001 - the views cached before the edges came
