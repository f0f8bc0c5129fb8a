"""INTRODUCED: the report's place -> Enterprise or Project brought in (招商, 引进, 签约, 落地, 落户)."""

from __future__ import annotations

import re

from extract.relations.context import Context
from extract.relations.figures import money
from graph.model import Relation

TRIGGER = re.compile(r"引进|签约|落地|落户|招引|招商|入驻|成功引入")
_TARGETS = frozenset({"Enterprise", "Project"})


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    found: list[Relation] = []
    seen: set[int] = set()
    for trig in TRIGGER.finditer(ctx.text):
        start, end = ctx.sentence(trig.start())
        for m in ctx.in_sentence(trig.start(), _TARGETS):
            if id(m) in seen or abs(m.start - trig.start()) > 60:
                continue
            seen.add(id(m))
            amount = money(ctx.text, m.start, end) or money(ctx.text, start, end)
            found.append(
                ctx.relation(
                    "INTRODUCED", ctx.own_place_id, ctx.entity(m), m.start,
                    [(m.start, m.end), trig.span()],
                    amount_yuan=amount[0] if amount else None,
                    amount_text=amount[1] if amount else None,
                    year=ctx.year_at(m.start),
                )
            )
    return found
