"""CARRIES_OUT: place or Organization -> Project or Initiative, with status:
planned in a plan section, completed for 建成/完成/竣工/投用, ongoing otherwise."""

from __future__ import annotations

import re

from extract.relations.context import Context
from graph.model import Relation

_DONE = re.compile(r"建成|完成|竣工|投用|投产|交付|通车|验收|已封顶|落成")
_PLANNED = re.compile(r"计划|拟|将|力争|谋划|启动|争取|明年|下半年")


def status(ctx: Context, offset: int) -> str:
    start, end = ctx.sentence(offset)
    kind = ctx.section(start)[1]
    clause = ctx.text[offset:end]
    if kind == "plan":
        return "planned"
    if _DONE.search(clause) or _DONE.search(ctx.text[start:offset][-12:]):
        return "completed"
    if _PLANNED.search(ctx.text[start:offset][-12:]):
        return "planned"
    return "ongoing"


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    found: list[Relation] = []
    for m in ctx.mentions:
        if m.label not in ("Project", "Initiative"):
            continue
        found.append(
            ctx.relation(
                "CARRIES_OUT", ctx.own_place_id, ctx.entity(m), m.start, [(m.start, m.end)],
                status=status(ctx, m.start), year=ctx.year_at(m.start),
            )
        )
    return found
