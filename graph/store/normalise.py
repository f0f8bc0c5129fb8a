"""What both stores hold, and how: the normalising every write goes through.

Both stores write an entity or relation through these functions, so they store
(and load back) the same thing; the shared constants keep their reads alike.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.model import Entity, Relation, Report, normalise_name

FACT_TYPES = ("PART_OF", "AWARDED", "INTRODUCED", "INVESTS_IN", "LOCATED_IN", "CARRIES_OUT", "REPORTED")
RESERVED_ENTITY_KEYS = frozenset({"id", "name", "label", "aliases"})
RESERVED_RELATION_KEYS = frozenset({"id", "report_id", "evidence", "section"})
OVERVIEW_TOP = 50  # rows in the ranked overview lists (both stores)


def fold(text: str) -> str:
    """The key search compares on: width-folded, unquoted, case-folded."""
    return normalise_name(text).casefold()


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
    properties = clean_properties(relation.properties, RESERVED_RELATION_KEYS)
    if "section_kind" not in properties:
        properties["section_kind"] = relation.evidence[0].section_kind if relation.evidence else "other"
    return properties


def computed_properties(props: dict[str, Any]) -> dict[str, Any]:
    """set_properties input as stored: None stays (it means 'remove'), tuples become lists;
    the keys a store owns are refused."""
    bad = RESERVED_ENTITY_KEYS.intersection(props)
    if bad:
        raise ValueError(f"cannot overwrite {sorted(bad)} with set_properties")
    return {k: list(v) if isinstance(v, tuple) else v for k, v in props.items()}


def brief_report(report: Report) -> Report:
    """A report without its text and sections (lists, subgraphs)."""
    return replace(report, text="", sections=[], years=list(report.years))


def copy_report(report: Report) -> Report:
    return replace(report, years=list(report.years), sections=[dict(s) for s in report.sections])


def copy_entity(entity: Entity) -> Entity:
    return Entity(entity.id, entity.label, entity.name, list(entity.aliases), dict(entity.properties))


def relation_order(relation: Relation) -> tuple[str, str, str]:
    return (relation.type, relation.report_id, relation.id)


def report_order(report: Report) -> tuple[str, int, str, str]:
    """Reports by place, then year (unknown years last), then path."""
    return (report.place, report.year if report.year is not None else 10**6, report.path, report.id)
