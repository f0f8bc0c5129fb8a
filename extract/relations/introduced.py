"""INTRODUCED: the report's place -> Enterprise or Project brought in (招商, 引进, 签约, 落地, 落户).

The amount is the first one written after the target and before the next target of its
label in the sentence (引进甲公司，投资2亿元；乙公司…), else the last one since the previous
one (投资3.2亿元的丙项目签约): one total is not spread over every company of a list."""

from __future__ import annotations

import re

from extract.nlp.mention import Mention
from extract.relations.context import Context
from extract.relations.figures import MONEY, money
from graph.model import Relation

TRIGGER = re.compile(r"引进|签约|落地|落户|招引|招商|入驻|成功引入")
_LIST_GAP = re.compile(r"^[、和及与,，]$")
_TARGETS = frozenset({"Enterprise", "Project"})


def amount_of(ctx: Context, target: Mention, targets: list[Mention], sentence: tuple[int, int]) -> tuple[float, str] | None:
    """The investment amount that belongs to `target` among the sentence's `targets`."""
    start, end = sentence
    # 甲公司签约乙项目，投资5亿元 is one deal: only targets of the same label part amounts,
    # and not a short name inside a project's name (松间 in 松间竹海项目)
    peers = sorted(
        (t for t in targets if t.label == target.label and not any(o is not t and o.start <= t.start and t.end <= o.end for o in targets)),
        key=lambda t: t.start,
    )
    nxt = min((t.start for t in peers if t.start >= target.end), default=end)
    prev = start
    for t in reversed([t for t in peers if t.end <= target.start]):
        if not _LIST_GAP.match(ctx.text[t.end : target.start]):
            prev = t.end  # the amount before a list (投资8000万元打造甲、乙项目) belongs to all its items
            break
        target = t
    after = money(ctx.text, target.end, nxt)
    if after is not None:
        return after
    found = None
    pos = prev
    while (hit := MONEY.search(ctx.text, pos, target.start)) is not None:  # target: the list's first item
        found, pos = hit, hit.end()
    return money(ctx.text, found.start(), found.end()) if found is not None else None


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    found: list[Relation] = []
    seen: set[int] = set()
    for trig in TRIGGER.finditer(ctx.text):
        sentence = ctx.sentence(trig.start())
        targets = sorted(ctx.in_sentence(trig.start(), _TARGETS), key=lambda m: m.start)
        for m in targets:
            if id(m) in seen or abs(m.start - trig.start()) > 60:
                continue
            seen.add(id(m))
            amount = amount_of(ctx, m, targets, sentence)
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
