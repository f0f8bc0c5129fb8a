"""LOCATED_IN: Project/Enterprise -> place, from 落户/入驻/位于 + place, or a project named
after the place it is in (石桥村高标准农田建设项目)."""

from __future__ import annotations

import re

from extract.relations.context import Context
from graph.model import PLACE_LABELS, Relation

_VERB = re.compile(r"^(?:成功)?(?:落户|入驻|位于|落地|坐落于|选址)(?:在|于)?$")
_PLACES = frozenset(PLACE_LABELS)
# 落户我街道 / 入驻本镇: the report's own place, written as a pronoun
_OWN = re.compile(r"(?:成功)?(?:落户|入驻|位于|落地|坐落于|选址)(?:在|于)?(?:我|本)(?:街道|街|镇|乡)")


def extract(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    seen: set[tuple[str, str]] = set()
    for group in ctx.groups():
        mentions = sorted(group, key=lambda m: m.start)
        things = [m for m in mentions if m.label in ("Project", "Enterprise")]
        places = [m for m in mentions if m.label in _PLACES]
        for thing in things:
            for place in places:
                if place.start == thing.start and place.end < thing.end and thing.label == "Project":
                    pass  # the project's name starts with its place
                elif not (place.start >= thing.end and _VERB.match(ctx.text[thing.end : place.start])):
                    continue
                key = (ctx.entity(thing), ctx.entity(place))
                if key in seen or key[0] == key[1]:
                    continue
                seen.add(key)
                found.append(
                    ctx.relation("LOCATED_IN", key[0], key[1], thing.start, [(thing.start, thing.end), (place.start, place.end)])
                )
            own = _OWN.match(ctx.text, thing.end) if ctx.own_place_id else None
            if own is not None and (ctx.entity(thing), ctx.own_place_id) not in seen:
                seen.add((ctx.entity(thing), ctx.own_place_id))
                found.append(ctx.relation("LOCATED_IN", ctx.entity(thing), ctx.own_place_id, thing.start, [(thing.start, thing.end), own.span()]))
    return found
