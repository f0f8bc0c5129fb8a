"""PART_OF: place -> place, stated (湖南省湘潭市岳塘区 written together) or inferred
(a village or community of the report -> the report's own sub-district)."""

from __future__ import annotations

from extract.relations.context import Context
from graph.model import PLACE_LABELS, Relation

_RANK = {label: i for i, label in enumerate(PLACE_LABELS)}
_LOCAL = frozenset({"Village", "Community"})


def extract(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    places = sorted((m for m in ctx.mentions if m.label in _RANK), key=lambda m: m.start)
    for a, b in zip(places, places[1:], strict=False):
        if a.end == b.start and _RANK[a.label] < _RANK[b.label]:
            src, dst = ctx.entity(b), ctx.entity(a)
            if src != dst:
                found.append(ctx.relation("PART_OF", src, dst, b.start, [(a.start, a.end), (b.start, b.end)], inferred=False))
    stated = {(r.source, r.target) for r in found}
    if ctx.own_place_id:
        for m in places:
            src = ctx.entity(m)
            if m.label in _LOCAL and not any(s == src for s, _ in stated):
                found.append(ctx.relation("PART_OF", src, ctx.own_place_id, m.start, [(m.start, m.end)], inferred=True))
                stated.add((src, ctx.own_place_id))
    named = set(ctx.entity_of.values())  # only places the report names become part of the chain
    chain = [ctx.own_place_id] + [ctx.place_ids.get(k, "") for k in ("District", "City", "Province")]
    chain = [c for c in chain if c and c in named]
    for child, parent in zip(chain, chain[1:], strict=False):
        if (child, parent) not in stated:
            found.append(ctx.relation("PART_OF", child, parent, 0, [], inferred=True))
    return found
