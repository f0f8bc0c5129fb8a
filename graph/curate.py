"""Corrections that survive rebuilds: a researcher's decisions, kept in a file, reapplied.

The decisions file (`curation.json` in the data directory, for either store) is a
human-readable list, in the order made, of:

    merge          keep <- drop: drop's facts move to keep, its names become aliases
    rename         an entity gets a new name (the old one becomes an alias)
    relabel        an entity gets another label (Project -> Organization); its id stays
    delete-entity  an entity and every fact touching it go
    delete-fact    one fact goes (by its id, as the entity page and `govkg table` show it)

Each decision names entities and facts by id; ids are hashes of what the text says,
so a rebuild from the same reports gives the same ids and the decisions apply again.
Applying is idempotent (a merge whose `drop` is gone does nothing), so `apply` runs
after every build over the whole stored graph, on both stores. An undone decision
stays in the file, marked `undone`, and is skipped; undoing replays the remaining
decisions over a graph rebuilt without them (the graph as extracted is kept as
`curation-base.json` the first time a decision is applied). Entities carry what was
done to them: `merged_from` (names) and `corrected` (what changed).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.model import LABELS, Graph, Relation

ACTIONS: tuple[str, ...] = ("merge", "rename", "relabel", "delete-entity", "delete-fact")
FILE_NAME = "curation.json"
BASE_NAME = "curation-base.json"


@dataclass
class Decision:
    action: str
    target: str  # the entity id (keep, for a merge) or the fact id
    value: str = ""  # drop id (merge), new name (rename), new label (relabel)
    note: str = ""  # names at the time, for people reading the file
    at: str = ""
    undone: bool = False
    id: str = ""

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}; one of {', '.join(ACTIONS)}")
        if self.action == "relabel" and self.value not in LABELS:
            raise ValueError(f"unknown label {self.value!r}")


@dataclass
class Decisions:
    path: Path
    items: list[Decision] = field(default_factory=list)

    @classmethod
    def load(cls, data_dir: str | os.PathLike[str]) -> Decisions:
        path = Path(data_dir) / FILE_NAME
        if not path.exists():
            return cls(path)
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(path, [Decision(**d) for d in raw.get("decisions", [])])

    def save(self) -> None:
        """Written whole to a temporary file and renamed over the old one (never half a file)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "about": "GovKG corrections, reapplied after every build (govkg curate --help, docs/curation.md)",
            "decisions": [asdict(d) for d in self.items],
        }
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".curation-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, self.path)

    def add(self, decision: Decision) -> Decision:
        decision.id = decision.id or f"d{len(self.items) + 1}"
        decision.at = decision.at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.items.append(decision)
        return decision

    def active(self) -> list[Decision]:
        return [d for d in self.items if not d.undone]

    def find(self, decision_id: str) -> Decision | None:
        return next((d for d in self.items if d.id == decision_id), None)


def _mark(graph: Graph, entity_id: str, what: str) -> None:
    entity = graph.entities[entity_id]
    done = [x for x in str(entity.properties.get("corrected") or "").split("; ") if x]
    if what not in done:
        entity.properties["corrected"] = "; ".join(done + [what])


def apply_one(graph: Graph, d: Decision) -> bool:
    """Apply one decision to the graph in place; False when there was nothing to do."""
    if d.action == "delete-fact":
        return graph.relations.pop(d.target, None) is not None
    if d.target not in graph.entities:
        return False
    entity = graph.entities[d.target]
    if d.action == "rename":
        if entity.name == d.value:
            return False
        if entity.name not in entity.aliases:
            entity.aliases.append(entity.name)
        entity.aliases = [a for a in entity.aliases if a != d.value]
        entity.name = d.value
        _mark(graph, d.target, f"renamed to {d.value}")
        return True
    if d.action == "relabel":
        if entity.label == d.value:
            return False
        old, entity.label = entity.label, d.value
        _mark(graph, d.target, f"label {old} -> {d.value}")
        return True
    if d.action == "delete-entity":
        graph.entities.pop(d.target)
        for rid in [rid for rid, r in graph.relations.items() if d.target in (r.source, r.target)]:
            graph.relations.pop(rid)
        return True
    # merge: d.value's facts move to d.target
    drop = graph.entities.get(d.value)
    if drop is None or d.value == d.target:
        return False
    moved = [r for r in graph.relations.values() if d.value in (r.source, r.target)]
    for r in moved:
        graph.relations.pop(r.id)
    graph.entities.pop(d.value)
    entity.merge(drop)
    merged = list(entity.properties.get("merged_from") or [])  # type: ignore[arg-type]
    if drop.name not in merged:
        entity.properties["merged_from"] = merged + [drop.name]
    for r in moved:
        source = d.target if r.source == d.value else r.source
        target = d.target if r.target == d.value else r.target
        if source == target:
            continue  # a fact between the two merged things says nothing any more
        graph.add_relation(Relation(r.type, source, target, r.report_id, dict(r.properties), list(r.evidence)))
    return True


def apply_all(graph: Graph, decisions: list[Decision]) -> int:
    """Apply decisions in order; the number that changed something."""
    return sum(apply_one(graph, d) for d in decisions)


def curate_store(store: Any, data_dir: str | os.PathLike[str], base: Graph | None = None) -> int:
    """Reapply the data directory's active decisions to a store (after a build, or a new decision).

    The stored graph is read, corrected and written back whole (store.clear, then each
    report's part): the same path for both stores, at the cost of a rewrite."""
    decisions = Decisions.load(data_dir)
    if not decisions.items and base is None:
        return 0
    graph = base if base is not None else store.load()
    if base is None:
        _keep_base(graph, data_dir)
    changed = apply_all(graph, decisions.active())
    if changed or base is not None:
        _rewrite(store, graph)
    return changed


def _keep_base(graph: Graph, data_dir: str | os.PathLike[str]) -> None:
    """Keep the graph as built, before any decision, for undo: the kept version of each report
    still stored, and the stored (not yet corrected) version of reports new since.

    A report's id is the hash of its text, so the same id is the same report; after a change
    of the extractor, `govkg build --fresh` starts the base again."""
    path = Path(data_dir) / BASE_NAME
    held = Graph.from_dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else Graph()
    base = Graph()
    for rid in graph.reports:
        source = held if rid in held.reports else graph
        base.add_report(source.reports[rid])
        for rel in source.relations_of(rid):
            base.add_relation(rel)
            for eid in (rel.source, rel.target):
                if eid in source.entities and eid not in base.entities:
                    base.entities[eid] = source.entities[eid]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(base.to_dict(), ensure_ascii=False), encoding="utf-8")


def forget_base(data_dir: str | os.PathLike[str]) -> None:
    """A fresh build starts the kept base again."""
    (Path(data_dir) / BASE_NAME).unlink(missing_ok=True)


def undo(store: Any, data_dir: str | os.PathLike[str], decision_id: str) -> Decision:
    """Mark a decision undone and rebuild the stored graph from the kept base with the others."""
    decisions = Decisions.load(data_dir)
    d = decisions.find(decision_id)
    if d is None:
        raise KeyError(decision_id)
    d.undone = True
    decisions.save()
    path = Path(data_dir) / BASE_NAME
    if path.exists():
        base = Graph.from_dict(json.loads(path.read_text(encoding="utf-8")))
        curate_store(store, data_dir, base=base)
    return d


def decide(store: Any, data_dir: str | os.PathLike[str], decision: Decision) -> Decision:
    """Record a decision and apply it (with every earlier one) to the store."""
    current = store.load()
    if decision.action == "delete-fact":
        if decision.target not in current.relations:
            raise KeyError(f"no fact {decision.target}")
    else:
        for eid in [decision.target] + ([decision.value] if decision.action == "merge" else []):
            if eid not in current.entities:
                raise KeyError(f"no entity {eid}")
        names = [current.entities[decision.target].name]
        if decision.action == "merge":
            names.append(current.entities[decision.value].name)
        decision.note = decision.note or " <- ".join(names)
    _keep_base(current, data_dir)
    decisions = Decisions.load(data_dir)
    decisions.add(decision)
    decisions.save()
    apply_one(current, decision)
    _rewrite(store, current)
    return decision


def _rewrite(store: Any, graph: Graph) -> None:
    from graph.resolve import split_by_report

    store.clear()
    for part in split_by_report(graph):
        store.save(part)
