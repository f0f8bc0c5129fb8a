"""INTRODUCED: the report's place -> Enterprise or Project brought in (招商, 引进, 签约, 落地, 落户).

The amount is the first one written after the target and before the next target of its
label in the sentence (引进甲公司，投资2亿元；乙公司…), else the last one before it in its
clause (投资3.2亿元的丙项目签约): one total is not spread over every company of a list,
nor is the cost of a park given to the companies that later move in."""

from __future__ import annotations

import re

from extract.nlp.mention import Mention
from extract.relations.context import Context
from extract.relations.figures import MONEY, money
from graph.model import Relation

TRIGGER = re.compile(r"引进|签约|落地(?!落实|见效|生根)|落户|招引|招商|入驻|成功引入")
# a target before the trigger is brought in only when nothing breaks the clause between them
# (甲项目正式签约落户), not 盘活乙园区，引进丙公司
_BREAK = re.compile(r"[，,；;。：:]")
_STOP = re.compile(r"[；;。]|(?<!\d)\.|\.(?!\d)")
_LIST_GAP = re.compile(r"^[、和及与,，]$")
_TARGETS = frozenset({"Enterprise", "Project"})
_REACH = 80  # characters around a target in which its amount is written


def outer_of(targets: list[Mention]) -> dict[int, Mention]:
    """id(target) -> the longer target holding it (松间 inside 松间竹海项目), in one sweep over
    targets sorted by start."""
    out: dict[int, Mention] = {}
    widest: Mention | None = None
    for t in sorted(targets, key=lambda t: (t.start, -t.end)):
        if widest is not None and t.end <= widest.end:
            out[id(t)] = widest
        else:
            widest = t
    return out


def amount_of(
    ctx: Context, target: Mention, targets: list[Mention], outer: dict[int, Mention], sentence: tuple[int, int]
) -> re.Match | None:
    """The investment amount (a MONEY match) that belongs to `target` among the sentence's
    `targets` (sorted by start), read within _REACH characters of it."""
    start, end = sentence
    if id(target) in outer:
        return amount_of(ctx, outer[id(target)], targets, outer, sentence)  # the project's amount
    # 甲公司签约乙项目，投资5亿元 is one deal: only targets of the same label part amounts
    peers = [t for t in targets if t.label == target.label and id(t) not in outer]
    nxt = next((t.start for t in peers if t.start >= target.end), end)
    after = MONEY.search(ctx.text, target.end, min(nxt, target.end + _REACH))
    if after is not None:
        return after
    head = target  # the amount before a list (投资8000万元打造甲、乙项目) belongs to all its items
    for t in reversed([t for t in peers if t.end <= target.start]):
        if not _LIST_GAP.match(ctx.text[t.end : head.start]):
            break
        head = t
    lo = max(start, head.start - _REACH)
    breaks = [b.end() for b in _BREAK.finditer(ctx.text, lo, head.start)]
    prev = max([lo] + breaks + [t.end for t in peers if t.end <= head.start])
    found = None
    while (hit := MONEY.search(ctx.text, prev, head.start)) is not None:
        found, prev = hit, hit.end()
    if found is None and target.label == "Project":  # 甲公司落户…，总投资3.5亿元，建设乙项目: the company's deal
        company = max((t for t in targets if t.label == "Enterprise" and t.end <= head.start), key=lambda t: t.end, default=None)
        deal = amount_of(ctx, company, targets, outer, sentence) if company is not None else None
        found = deal if deal is not None and deal.end() <= head.start else None
    return found


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    found: list[Relation] = []
    seen: set[int] = set()
    cache: dict[int, tuple[list[Mention], dict[int, Mention]]] = {}  # per sentence: targets, nesting
    for trig in TRIGGER.finditer(ctx.text):
        sentence = ctx.sentence(trig.start())
        if sentence[0] not in cache:
            ordered = sorted(ctx.in_sentence(trig.start(), _TARGETS), key=lambda m: m.start)
            cache[sentence[0]] = (ordered, outer_of(ordered))
        targets, outer = cache[sentence[0]]
        for m in targets:
            if id(m) in seen or abs(m.start - trig.start()) > 60:
                continue
            if m.end <= trig.start() and _BREAK.search(ctx.text, m.end, trig.start()):
                continue
            if m.start >= trig.end() and _STOP.search(ctx.text, trig.end(), m.start):
                continue  # 引进甲公司…。支持乙公司扩建: a new sentence, even after an ASCII full stop
            seen.add(id(m))
            hit = amount_of(ctx, m, targets, outer, sentence)
            amount = money(ctx.text, hit.start(), hit.end()) if hit is not None else None
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
