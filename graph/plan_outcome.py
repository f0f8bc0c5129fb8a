"""Plan versus outcome: what a place planned for year N, and what its report on year N says.

A planned fact is a relation stated as a plan (CARRIES_OUT with status
`planned`, or any fact read in a plan section). Its outcome is looked up in
the same place's report covering the planned year: the same kind of fact about
the same entity, or about an entity of the same label that report mentions and
whose name is close (e.g. 柳溪污水管网工程 planned, 柳溪污水管网改造工程 reported).

The link is made at read time, never stored, so replacing a report changes
the outcomes at once. The Cypher query `plan_versus_outcome`
(cypher/queries/plans.cypher) makes the same join in Neo4j; the closeness
measure is a character-bigram Dice coefficient because Cypher can compute it
without plugins, and both sides must give the same rows (tests/test_plan_outcome.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from graph.model import Graph, Relation, Report

# Two names are "close" from this Dice coefficient on; 0.6 joins 柳溪污水管网工程 and
# 柳溪污水管网改造工程 (0.75) but not two different works of one place (below 0.3).
SIMILARITY_THRESHOLD = 0.6
OUTCOMES: tuple[str, ...] = ("done", "ongoing", "not_reported", "planned")
_SKIPPED_TYPES = frozenset({"MENTIONS", "PART_OF"})


@dataclass(frozen=True)
class OutcomeRow:
    """One planned fact and what became of it; the columns of the Cypher query."""

    place: str
    place_id: str
    plan_report_id: str
    plan_year: int | None
    type: str
    planned: str
    planned_id: str
    label: str
    outcome: str  # one of OUTCOMES
    outcome_report_id: str | None  # the report covering plan_year, when one exists
    matched: str | None  # the entity the outcome report names
    matched_id: str | None
    similarity: float  # 1.0 for the same entity, the Dice coefficient otherwise, 0.0 without match
    relation_id: str  # the planned relation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def bigram_dice(a: str, b: str) -> float:
    """Dice coefficient of the two names' sets of character bigrams (0 when either has none)."""
    left = {a[i : i + 2] for i in range(len(a) - 1)}
    right = {b[i : i + 2] for i in range(len(b) - 1)}
    if not left and not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def section_kind(relation: Relation) -> str:
    """The section kind the stores hold: the relation's own, else its first evidence's, else other."""
    kind = relation.properties.get("section_kind")
    if isinstance(kind, str) and kind:
        return kind
    return relation.evidence[0].section_kind if relation.evidence else "other"


def is_planned(relation: Relation) -> bool:
    if relation.type in _SKIPPED_TYPES:
        return False
    return relation.properties.get("status") == "planned" or section_kind(relation) == "plan"


def plan_year(relation: Relation, report: Report) -> int | None:
    """The year a plan is for: its own year, else the report's year (a plan report) or the next one."""
    year = relation.properties.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    if report.year is None:
        return None
    return report.year if report.period == "plan" else report.year + 1


def _same_place(plan: Report, other: Report) -> bool:
    if plan.place_id:
        return other.place_id == plan.place_id
    return bool(plan.place) and other.place == plan.place


def outcome_reports(graph: Graph, plan: Report, year: int | None) -> list[Report]:
    """The same place's other non-plan reports whose main year is the planned year."""
    if year is None:
        return []
    return sorted(
        (
            r
            for r in graph.reports.values()
            if r.id != plan.id and r.period != "plan" and r.year == year and _same_place(plan, r)
        ),
        key=lambda r: r.id,
    )


def _outcome_of(status: Any) -> str:
    return "ongoing" if status == "ongoing" else "done"


def plan_outcomes(graph: Graph, place: str | None = None) -> list[OutcomeRow]:
    """Every planned fact in the graph (or of one place, by id or name) with its outcome."""
    by_report: dict[str, list[Relation]] = {}
    mentioned: dict[str, set[str]] = {}
    for relation in graph.relations.values():
        by_report.setdefault(relation.report_id, []).append(relation)
        if relation.type == "MENTIONS":
            mentioned.setdefault(relation.source, set()).add(relation.target)
    rows: list[OutcomeRow] = []
    for relation in graph.relations.values():
        plan = graph.reports.get(relation.report_id)
        target = graph.entities.get(relation.target)
        if plan is None or target is None or not is_planned(relation):
            continue
        if place and place not in (plan.place_id, plan.place):
            continue
        year = plan_year(relation, plan)
        laters = outcome_reports(graph, plan, year)
        candidates = []
        for later in laters:
            for fact in by_report.get(later.id, ()):
                found = graph.entities.get(fact.target)
                if (
                    found is None
                    or (found.id != target.id and found.id not in mentioned.get(later.id, ()))
                    or fact.type != relation.type
                    or found.label != target.label
                    or fact.properties.get("status") == "planned"
                    or section_kind(fact) == "plan"
                ):
                    continue
                same = found.id == target.id
                score = 1.0 if same else round(bigram_dice(target.name, found.name), 3)
                if same or score >= SIMILARITY_THRESHOLD:
                    rank = (not same, -score, fact.properties.get("status") == "ongoing", fact.id)
                    candidates.append((rank, later, fact, found, score))
        if candidates:
            _, later, fact, found, score = min(candidates, key=lambda c: c[0])
            outcome, report_id = _outcome_of(fact.properties.get("status")), later.id
            matched, matched_id = found.name, found.id
        else:
            outcome = "not_reported" if laters else "planned"
            report_id = laters[0].id if laters else None
            matched = matched_id = None
            score = 0.0
        rows.append(
            OutcomeRow(
                place=plan.place,
                place_id=plan.place_id,
                plan_report_id=plan.id,
                plan_year=year,
                type=relation.type,
                planned=target.name,
                planned_id=target.id,
                label=target.label,
                outcome=outcome,
                outcome_report_id=report_id,
                matched=matched,
                matched_id=matched_id,
                similarity=score,
                relation_id=relation.id,
            )
        )
    return sorted(rows, key=lambda r: (r.place, r.plan_year or 0, r.type, r.planned, r.relation_id))
