"""REPORTED: place -> Indicator with the figure that follows the indicator in its clause
(地区生产总值18.6亿元，同比增长6.8% -> value 18.6, unit 亿元, 1.86e9 yuan, comparison
同比增长, change 0.068 ratio). When the only figure is the change itself (工业产值同比增长9%),
it is the value (0.09 ratio) and the comparison words are kept; 个百分点 is a change in points."""

from __future__ import annotations

import re

from extract.relations.context import Context
from extract.relations.figures import COMPARISON, FIGURE, change, figure, figure_unit
from graph.model import Relation

_CLAUSE_END = re.compile(r"[；;。\n]|[，,](?!同比|环比|较上年|比上年|较去年|比去年|增长|下降|增幅|降幅|提高|减少)")


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    found: list[Relation] = []
    text = ctx.text
    for m in ctx.mentions:
        if m.label != "Indicator":
            continue
        stop = _CLAUSE_END.search(text, m.end)
        end = min(stop.start() if stop else len(text), m.end + 40)
        value = FIGURE.search(text, m.end, end)
        if value is None:
            continue
        lead = COMPARISON.search(text, m.end, end)
        if lead is not None and lead.start() <= value.start() < lead.end():
            comp = lead  # the figure is the change itself (同比增长9%, 提高2个百分点)
            fig = figure(lead.group("value"), lead.group("unit"))
            span = lead.span("value")[0], lead.end()
        else:
            comp = COMPARISON.search(text, value.end(), end)
            fig = figure(value.group("value"), figure_unit(value))
            span = value.span()
        props = dict(
            value=fig.value, unit=fig.unit, value_normalised=fig.value_normalised,
            base_unit=fig.base_unit, year=ctx.year_at(m.start),
        )
        marks = [(m.start, m.end), span]
        if comp is not None:
            props["comparison"] = comp.group("words")
            props["change"], props["change_unit"] = change(comp.group("words"), comp.group("value"), comp.group("unit"))
            marks.append(comp.span())
        found.append(ctx.relation("REPORTED", ctx.own_place_id, ctx.entity(m), m.start, marks, **props))
    return found
