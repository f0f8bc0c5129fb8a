"""MENTIONS: Report -> every entity it names, one piece of evidence per mention."""

from __future__ import annotations

from extract.relations.context import Context
from graph.model import Relation


def extract(ctx: Context) -> list[Relation]:
    by_entity: dict[str, Relation] = {}
    for m in ctx.mentions:
        eid = ctx.entity(m)
        ev = ctx.evidence(m.start, [(m.start, m.end)])
        held = by_entity.get(eid)
        if held is None:
            by_entity[eid] = Relation("MENTIONS", ctx.report_id, eid, ctx.report_id, {"section_kind": ev.section_kind}, [ev])
        elif ev not in held.evidence:
            held.evidence.append(ev)
    return list(by_entity.values())
