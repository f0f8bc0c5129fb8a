"""PART_OF: place -> place, stated (湖南省湘潭市岳塘区 written together), from the national
division table (a village the table puts in a township the report names, a township of
the report's own county), or inferred (a village or community of the report -> the
report's own sub-district)."""

from __future__ import annotations

from extract.nlp.gazetteer import gazetteer
from extract.nlp.mention import Mention
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
    children = {s for s, _ in stated}
    towns: dict[str, Mention] = {m.name: m for m in places if m.label == "Subdistrict"}
    own_town, county, table = ctx.place_names.get("Subdistrict", ""), ctx.place_names.get("District", ""), gazetteer()
    for m in places:
        src = ctx.entity(m)
        if src in children or src == ctx.own_place_id:
            continue
        if m.label in _LOCAL:
            town = table.town_of(m.name, county)
            if town is None or town == own_town:
                if ctx.own_place_id:  # the report's own village, by the table or by default
                    found.append(ctx.relation("PART_OF", src, ctx.own_place_id, m.start, [(m.start, m.end)],
                                              inferred=True, basis="table" if town else None))
            elif town in towns:  # a village of a neighbouring township the report names
                found.append(ctx.relation("PART_OF", src, ctx.entity(towns[town]), m.start, [(m.start, m.end)],
                                          inferred=True, basis="table"))
            children.add(src)
        elif m.label == "Subdistrict" and ctx.place_ids.get("District") and table.town_in(m.name, county):
            found.append(ctx.relation("PART_OF", src, ctx.place_ids["District"], m.start, [(m.start, m.end)],
                                      inferred=True, basis="table"))
            children.add(src)
    stated = {(r.source, r.target) for r in found}
    named = set(ctx.entity_of.values())  # only places the report names become part of the chain
    chain = [ctx.own_place_id] + [ctx.place_ids.get(k, "") for k in ("District", "City", "Province")]
    chain = [c for c in chain if c and c in named]
    for child, parent in zip(chain, chain[1:], strict=False):
        if (child, parent) not in stated:
            found.append(ctx.relation("PART_OF", child, parent, 0, [], inferred=True))
    return found
