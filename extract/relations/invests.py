"""INVESTS_IN: Enterprise -> Project it invests in, stated in one sentence (…公司投资1.2亿元建设…项目)."""

from __future__ import annotations

import re

from extract.relations.context import Context
from extract.relations.figures import money
from graph.model import Relation

_INVEST = re.compile(r"投资|建设|实施|投建|承建")
# 甲基地建设成为…示范区: what a place becomes, not what a company builds
_BECOMES = re.compile(r"成为|作为|列为|纳入|列入")


def extract(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for group in ctx.groups():
        companies = sorted((m for m in group if m.label == "Enterprise"), key=lambda m: (m.end, -m.start))
        i, company = 0, None
        for project in sorted((m for m in group if m.label == "Project"), key=lambda m: m.start):
            while i < len(companies) and companies[i].end <= project.start:  # the company ending last before it
                company, i = companies[i], i + 1
            if company is None:
                continue
            between = ctx.text[company.end : project.start]
            if not _INVEST.search(between) or len(between) > 40 or _BECOMES.search(between):
                continue
            amount = money(ctx.text, company.end, project.end + 20)
            found.append(
                ctx.relation(
                    "INVESTS_IN", ctx.entity(company), ctx.entity(project), project.start,
                    [(company.start, company.end), (project.start, project.end)],
                    amount_yuan=amount[0] if amount else None,
                    amount_text=amount[1] if amount else None,
                    year=ctx.year_at(project.start),
                )
            )
    return found
