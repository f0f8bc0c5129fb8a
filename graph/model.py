"""The typed graph model: the only thing a store accepts and the extractor emits.

Facts (relations) belong to the report that states them: each Relation carries
its report id, so replacing or deleting a report removes exactly its facts.
Entities are shared between reports; an entity that no report mentions any
longer is removed with the last report that named it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from graph.labels import REGISTRY

# Labels come from the registry (graph/labels.toml): the place chain top first, then the rest.
PLACE_LABELS: tuple[str, ...] = REGISTRY.place_labels
LABELS: tuple[str, ...] = REGISTRY.entity_labels
RELATION_TYPES: tuple[str, ...] = (
    "PART_OF",
    "AWARDED",
    "INTRODUCED",
    "INVESTS_IN",
    "LOCATED_IN",
    "CARRIES_OUT",
    "REPORTED",
    "MENTIONS",
)
SECTION_KINDS: tuple[str, ...] = ("review", "problem", "plan", "other")
PERIODS: tuple[str, ...] = ("annual", "half-year", "plan", "government-report", "unknown")

# Property values a store can hold in both NetworkX and Neo4j.
Scalar = str | int | float | bool
PropertyValue = Scalar | list[str] | list[int] | list[float] | None


_NAME_DROPS = dict.fromkeys(map(ord, " \u3000\t\n“”\"'‘’《》「」『』〈〉"))  # deleted in one pass by str.translate


def normalise_name(name: str) -> str:
    """Fold width, drop quotes, brackets' width and spaces so variants share one key."""
    return unicodedata.normalize("NFKC", name).translate(_NAME_DROPS)


def _digest(*parts: str, size: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def entity_id(label: str, name: str, scope: str = "") -> str:
    """Stable id from label, normalised name and scope (e.g. the parent place's id)."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    return f"{label.lower()}-{_digest(label, normalise_name(name), scope)}"


def report_id(content: str) -> str:
    """A report is identified by the hash of its cleaned text."""
    return "report-" + _digest(content, size=20)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and its character offsets in the report text.

    `marks` are (start, end) offsets, also in report text, of the mentions inside
    the sentence, so a viewer can highlight them.
    """

    report_id: str
    section: str
    section_kind: str
    sentence: str
    start: int
    end: int
    marks: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # spelt out: dataclasses.asdict deep-copies every field, and evidence is written by the thousand
        return {
            "report_id": self.report_id, "section": self.section, "section_kind": self.section_kind,
            "sentence": self.sentence, "start": self.start, "end": self.end, "marks": [list(m) for m in self.marks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        marks = tuple((int(a), int(b)) for a, b in data.get("marks") or ())
        return cls(
            report_id=data["report_id"],
            section=data.get("section", ""),
            section_kind=data.get("section_kind", "other"),
            sentence=data["sentence"],
            start=int(data["start"]),
            end=int(data["end"]),
            marks=marks,
        )


@dataclass
class Report:
    """One source document, with its cleaned text and section tree."""

    id: str
    path: str
    title: str = ""
    place: str = ""  # the report's own place name, e.g. 青溪镇
    place_id: str = ""  # entity id of that place, when known
    year: int | None = None  # the main year the report covers
    years: list[int] = field(default_factory=list)
    period: str = "unknown"  # one of PERIODS
    kind: str = ""  # 工作总结, 工作计划, 工作总结及工作计划, 政府工作报告 ...
    text: str = ""
    sections: list[dict[str, Any]] = field(default_factory=list)  # flat list, see extract.sections

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in self.__dataclass_fields__}
        data["years"] = list(self.years)
        if with_text:
            data["sections"] = [dict(s) for s in self.sections]
        else:
            data.pop("text")
            data.pop("sections")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Entity:
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, PropertyValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"unknown label {self.label!r} for {self.name!r}")

    @property
    def is_place(self) -> bool:
        return self.label in PLACE_LABELS

    def merge(self, other: Entity) -> None:
        """Absorb another record of the same thing: names become aliases, properties fill gaps."""
        for name in [other.name, *other.aliases]:
            if name != self.name and name not in self.aliases:
                self.aliases.append(name)
        for key, value in other.properties.items():
            if self.properties.get(key) in (None, "", []):
                self.properties[key] = value

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "name": self.name,
            "aliases": list(self.aliases),
            "properties": {k: list(v) if isinstance(v, list) else v for k, v in self.properties.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            label=data["label"],
            name=data["name"],
            aliases=list(data.get("aliases") or []),
            properties=dict(data.get("properties") or {}),
        )


@dataclass
class Relation:
    """A fact stated by one report. `id` is stable for the same fact in the same report."""

    type: str
    source: str
    target: str
    report_id: str
    properties: dict[str, PropertyValue] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.type not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {self.type!r}")

    @property
    def id(self) -> str:
        keyed = sorted((k, str(v)) for k, v in self.properties.items() if k in _IDENTITY_KEYS)
        return "rel-" + _digest(self.type, self.source, self.target, self.report_id, repr(keyed))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "report_id": self.report_id,
            "properties": dict(self.properties),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(
            type=data["type"],
            source=data["source"],
            target=data["target"],
            report_id=data["report_id"],
            properties=dict(data.get("properties") or {}),
            evidence=[Evidence.from_dict(e) for e in data.get("evidence") or ()],
        )


def _add_evidence(held: list[Evidence], ev: Evidence) -> None:
    """One sentence is listed once on a fact: read twice (two triggers, two mentions), its marks join."""
    for i, old in enumerate(held):
        if (old.report_id, old.start, old.end) == (ev.report_id, ev.start, ev.end):
            if not set(ev.marks) <= set(old.marks):
                held[i] = replace(old, marks=tuple(sorted(set(old.marks) | set(ev.marks))))
            return
    held.append(ev)


# Properties that tell two facts of one type between the same pair apart
# (an indicator reported for two years is two facts, not one).
_IDENTITY_KEYS = frozenset({"year", "value", "unit", "status", "metric", "comparison", "amount"})


@dataclass
class Graph:
    """Reports, the entities they name and the facts they state."""

    reports: dict[str, Report] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)

    def add_report(self, report: Report) -> None:
        self.reports[report.id] = report

    def add_entity(self, entity: Entity) -> Entity:
        """Add or merge; returns the entity held by the graph."""
        held = self.entities.get(entity.id)
        if held is None:
            self.entities[entity.id] = entity
            return entity
        held.merge(entity)
        return held

    def add_relation(self, relation: Relation) -> Relation:
        """Add a fact; the same fact read twice keeps both pieces of evidence."""
        rid = relation.id  # a hash: compute it once
        held = self.relations.get(rid)
        if held is None:
            self.relations[rid] = relation
            return relation
        for ev in relation.evidence:
            _add_evidence(held.evidence, ev)
        return held

    def extend(self, other: Graph) -> None:
        for report in other.reports.values():
            self.add_report(report)
        for entity in other.entities.values():
            self.add_entity(entity)
        for relation in other.relations.values():
            self.add_relation(relation)

    def relations_of(self, report_id: str) -> Iterable[Relation]:
        return (r for r in self.relations.values() if r.report_id == report_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reports": [r.to_dict() for r in self.reports.values()],
            "entities": [e.to_dict() for e in self.entities.values()],
            "relations": [r.to_dict() for r in self.relations.values()],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Graph:
        graph = cls()
        for r in data.get("reports", ()):
            graph.add_report(Report.from_dict(r))
        for e in data.get("entities", ()):
            graph.add_entity(Entity.from_dict(e))
        for r in data.get("relations", ()):
            graph.add_relation(Relation.from_dict(r))
        return graph
