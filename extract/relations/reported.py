"""REPORTED: place -> Indicator with the figure that follows the indicator in its clause
(地区生产总值18.6亿元，同比增长6.8% -> value 18.6, unit 亿元, 1.86e9 yuan, comparison)."""

from __future__ import annotations

import re

from extract.relations.context import Context
from extract.relations.figures import COMPARISON, FIGURE, figure
from graph.model import Relation

_CLAUSE_END = re.compile(r"[；;。\n]|，(?!同比|较上年|比上年|增长|下降)")


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
        comp = COMPARISON.search(text, value.end(), end)
        fig = figure(value.group("value"), value.group("unit"))
        props = dict(
            value=fig.value, unit=fig.unit, value_normalised=fig.value_normalised,
            base_unit=fig.base_unit, year=ctx.year_at(m.start),
        )
        marks = [(m.start, m.end), value.span()]
        if comp is not None:
            props["comparison"] = comp.group(1)
            cfig = figure(comp.group(2), comp.group(3))
            props["change"] = -cfig.value_normalised if "下降" in comp.group(1) or "减少" in comp.group(1) else cfig.value_normalised
            marks.append(comp.span())
        found.append(ctx.relation("REPORTED", ctx.own_place_id, ctx.entity(m), m.start, marks, **props))
    return found
