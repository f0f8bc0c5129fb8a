"""MENTIONS: Report -> every entity it names, one piece of evidence per mention."""

from __future__ import annotations

from extract.relations.context import Context
from graph.model import Relation


def extract(ctx: Context) -> list[Relation]:
    by_entity: dict[str, Relation] = {}
    seen: set[tuple[str, int, int]] = set()
    for m in ctx.mentions:
        eid = ctx.entity(m)
        if (eid, m.start, m.end) in seen:
            continue
        seen.add((eid, m.start, m.end))
        ev = ctx.evidence(m.start, [(m.start, m.end)])
        held = by_entity.get(eid)
        if held is None:
            by_entity[eid] = Relation("MENTIONS", ctx.report_id, eid, ctx.report_id, {"section_kind": ev.section_kind}, [ev])
        else:
            held.evidence.append(ev)
    return list(by_entity.values())
