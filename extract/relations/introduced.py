"""INTRODUCED: the report's place -> Enterprise or Project brought in (招商, 引进, 签约, 落地, 落户).

The amount is the first one written after the target and before the next target of its
label in the sentence (引进甲公司，投资2亿元；乙公司…), else the last one before it in its
clause (投资3.2亿元的丙项目签约): one total is not spread over every company of a list,
nor is the cost of a park given to the companies that later move in.

One stated amount is one fact's: when a deal is written as enterprise and project
(甲公司投资32亿元的乙项目签约落户), the enterprise's edge carries the amount and the
project's edge links without it; an amount written before a list goes to its first item.
Totals then sum amount_yuan over INTRODUCED without counting a sentence twice."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from extract.nlp.mention import Mention
from extract.relations.context import Context
from extract.relations.figures import MONEY, parse_amount
from graph.model import Relation

TRIGGER = re.compile(r"引进|签约|落地(?!落实|见效|生根)|落户|招引|招商|入驻|成功引入")
# a target before the trigger is brought in only when nothing breaks the clause between them
# (甲项目正式签约落户), not 盘活乙园区，引进丙公司
_BREAK = re.compile(r"[，,；;。：:]")
_STOP = re.compile(r"。|(?<!\d)\.|\.(?!\d)")
_LIST_GAP = re.compile(r"^[、和及与,，]$")
_TARGETS = frozenset({"Enterprise", "Project"})
_ENTERPRISE = frozenset({"Enterprise"})
_INVESTS = re.compile(r"(?:计划|拟|追加)?投资")
_REACH = 80  # characters around a target in which its amount is written
_IN_YUAN = re.compile(r"\s*[（(]\s*(?:约合|折合|合)(?:人民币)?约?\s*(?P<yuan>\d[\d,]*(?:\.\d+)?\s*(?:亿|万)?元)")


@dataclass
class _Targets:
    """One sentence's targets, sorted by start, with what amount_of looks up in them."""

    ordered: list[Mention]
    starts: list[int]
    outer: dict[int, Mention]  # id(target) -> the longer target holding it (松间 inside 松间竹海项目)
    peers: dict[str, list[Mention]]  # label -> the targets of that label not inside another
    peer_starts: dict[str, list[int]]

    @classmethod
    def of(cls, mentions: list[Mention]) -> _Targets:
        ordered = sorted(mentions, key=lambda t: (t.start, -t.end))
        outer: dict[int, Mention] = {}
        widest: Mention | None = None
        for t in ordered:
            if widest is not None and t.end <= widest.end:
                outer[id(t)] = widest
            else:
                widest = t
        peers: dict[str, list[Mention]] = {}
        for t in ordered:
            if id(t) not in outer:
                peers.setdefault(t.label, []).append(t)
        return cls(ordered, [t.start for t in ordered], outer, peers, {k: [t.start for t in v] for k, v in peers.items()})

    def near(self, offset: int, reach: int) -> list[Mention]:
        return self.ordered[bisect_left(self.starts, offset - reach) : bisect_right(self.starts, offset + reach)]


def amount_of(ctx: Context, target: Mention, targets: _Targets, sentence: tuple[int, int]) -> re.Match | None:
    """The investment amount (a MONEY match) that belongs to `target`, read within _REACH
    characters of it."""
    start, end = sentence
    if id(target) in targets.outer:
        return amount_of(ctx, targets.outer[id(target)], targets, sentence)  # the project's amount
    # 甲公司签约乙项目，投资5亿元 is one deal: only targets of the same label part amounts
    peers, peer_starts = targets.peers[target.label], targets.peer_starts[target.label]
    i = bisect_left(peer_starts, target.end)
    nxt = peer_starts[i] if i < len(peers) else end
    after = MONEY.search(ctx.text, target.end, min(nxt, target.end + _REACH))
    if after is not None:
        return after
    j = bisect_left(peer_starts, target.start) - 1  # the peers before, nearest first
    head = target  # the amount before a list (投资8000万元打造甲、乙项目) belongs to all its items
    while j >= 0 and peers[j].end <= head.start and _LIST_GAP.match(ctx.text[peers[j].end : head.start]):
        head, j = peers[j], j - 1
    lo = max(start, head.start - _REACH, peers[j].end if j >= 0 and peers[j].end <= head.start else start)
    prev = max([lo] + [b.end() for b in _BREAK.finditer(ctx.text, lo, head.start)])
    found = None
    while (hit := MONEY.search(ctx.text, prev, head.start)) is not None:
        found, prev = hit, hit.end()
    companies = targets.peers.get("Enterprise", [])
    k = bisect_left(targets.peer_starts.get("Enterprise", []), head.start) - 1
    if found is None and target.label == "Project" and k >= 0 and companies[k].end <= head.start:
        deal = amount_of(ctx, companies[k], targets, sentence)  # 甲公司落户…，总投资3.5亿元，建设乙项目: its deal
        found = deal if deal is not None and deal.end() <= head.start else None
    return found


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    picked: list[tuple[Mention, _Targets, tuple[int, int], tuple[int, int]]] = []
    seen: set[int] = set()
    cache: dict[int, _Targets] = {}
    for trig in TRIGGER.finditer(ctx.text):
        sentence = ctx.sentence(trig.start())
        if sentence[0] not in cache:
            cache[sentence[0]] = _Targets.of(ctx.in_sentence(trig.start(), _TARGETS))
        targets = cache[sentence[0]]
        for m in targets.near(trig.start(), 60):
            if id(m) in seen:
                continue
            outer = targets.outer.get(id(m))
            if m.label == "Enterprise" and outer is not None and outer.label == "Project":
                continue  # 松间竹海 inside 松间竹海度假综合体项目: part of the project's name, no company
            if m.end <= trig.start() and _BREAK.search(ctx.text, m.end, trig.start()):
                continue
            if m.start >= trig.end() and _STOP.search(ctx.text, trig.end(), m.start):
                continue  # 引进甲公司…。支持乙公司扩建: a new sentence, even after an ASCII full stop
            seen.add(id(m))
            picked.append((m, targets, sentence, trig.span()))
    picked += _listed_investors(ctx, seen)
    # enterprises claim amounts before projects, each in text order: the investor carries the money
    picked.sort(key=lambda p: (p[2][0], p[0].label != "Enterprise", p[0].start, -p[0].end))
    claimed: set[int] = set()
    return [_introduced(ctx, m, targets, sentence, trigger, claimed) for m, targets, sentence, trigger in picked]


def _listed_investors(ctx: Context, seen: set[int]) -> list[tuple[Mention, _Targets, tuple[int, int], tuple[int, int]]]:
    """Companies opening an item of a list of signings (甲公司…签约落户；乙公司投资15亿元建设…；):
    the list's trigger covers its items up to the full stop."""
    found: list[tuple[Mention, _Targets, tuple[int, int], tuple[int, int]]] = []
    signing = False
    for start, end in ctx.sentences:
        has_trigger = TRIGGER.search(ctx.text, start, end) is not None
        if signing and not has_trigger:
            opening = min(ctx.in_sentence(start, _ENTERPRISE), key=lambda m: (m.start, -m.end), default=None)
            invests = opening is not None and opening.start - start <= 2 and _INVESTS.match(ctx.text, opening.end)
            if invests and id(opening) not in seen:
                seen.add(id(opening))
                targets = _Targets.of(ctx.in_sentence(start, _TARGETS))
                found.append((opening, targets, (start, end), _INVESTS.match(ctx.text, opening.end).span()))
        signing = (signing or has_trigger) and ctx.text[start:end].rstrip().endswith(("；", ";"))
    return found


def _introduced(
    ctx: Context, m: Mention, targets: _Targets, sentence: tuple[int, int], trigger: tuple[int, int], claimed: set[int]
) -> Relation:
    """The INTRODUCED fact of one target; its amount only if no earlier fact claimed that amount."""
    hit = amount_of(ctx, m, targets, sentence)
    if hit is not None and hit.start() in claimed:
        hit = None
    value, currency = parse_amount(hit) if hit is not None else (None, "")
    if hit is not None:
        claimed.add(hit.start())
    in_yuan = _IN_YUAN.match(ctx.text, hit.end()) if hit is not None and currency == "美元" else None
    if in_yuan is not None:  # 2000万美元（约合人民币1.45亿元）: the report gives the rate, so yuan too
        stated = MONEY.search("投资" + in_yuan.group("yuan"))
        yuan = parse_amount(stated)[0] if stated is not None else None
    else:
        yuan = value if currency == "元" else None
    return ctx.relation(
        "INTRODUCED", ctx.own_place_id, ctx.entity(m), m.start, [(m.start, m.end), trigger],
        amount_yuan=yuan,
        amount_usd=value if currency == "美元" else None,  # kept apart: never added to yuan without a stated rate
        amount_text=hit.group(0) if hit is not None else None,
        amount_ref=hit.start() if hit is not None else None,  # where the amount is written: totals count it once
        year=ctx.year_at(m.start),
    )
