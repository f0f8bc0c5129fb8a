"""CARRIES_OUT: place or Organization -> Project or Initiative, with status and year.

The actor is an Organization or place written right before an action verb that leads to
the project (镇妇联开展“巾帼建功”行动, 樟木村完成饮水工程), else the report's own place.
Status: planned in a plan section; ongoing when the text says the work is unfinished
(未能按期完成, 完成计划的70%, 剩余…结转) or only a stage is done (完成主体施工, 完成前期
选址); completed for 建成/完成/竣工/投用/开业 unless a plan word leads the verb
(将于年内建成); planned after 计划/拟/将/力争; else ongoing (推进, 在建, 开工, 实施).
The items of one list (甲、乙项目) share the status written after the list; an initiative
completes only in its own clause; one fact per project and sentence, the furthest status.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.nlp.mention import Mention
from extract.relations.context import Context
from graph.model import Relation

_TARGETS = frozenset({"Project", "Initiative"})
_ACTORS = frozenset({"Organization", "Village", "Community", "Subdistrict"})
# completion, but not 完成投资 / 完成产值 (money spent or output, not the work done)
_DONE = re.compile(
    r"建成|完成(?!\S{0,3}(?:投资|产值|营收|税收|任务量))|竣工|投用|投入使用|投产|交付|通车|验收|已封顶|落成|完工"
    r"|开园|开业|开馆|启用|揭牌|开通|正式运营|通水|并网|贯通"
)
_UNFINISHED = re.compile(
    r"未(?:能|按期|如期|全面)*(?:完成|建成|完工|竣工)|尚未|仍未|(?:完成|建成)[^，。；\d]{0,8}(?!100[%％])\d+(?:\.\d+)?[%％]"
    r"|剩余|结转|滞后|不及预期|推进缓慢|进展缓慢|停工"
    r"|(?:完成|建成)了?(?:主体|桩基|路基|基础|土建|部分|前期|征收|征地|拆迁|签约|立项|选址)"  # a stage, not the whole
)
_LEADS_PLAN = re.compile(r"(?:将|计划|拟|力争|争取|预计|确保|年内|年底前?)\S{0,4}$")
_PLANNED = re.compile(r"(?<!总)计划(?!总?投资)|拟|将|力争|谋划|争取|明年|下半年|预计")
# 开展/实施/推进…: the actor before the verb does the work (in the same clause, 桃源村盘活
# 闲置厂房以建设…); 在/于/为 before it make the place a location or a beneficiary
_ACTION = re.compile(
    r"^[^，。；,;：:、]*?(?:开展|实施|推进|组织|举办|启动|承办|打造|建设|新建|完成|建成|推动|发起|落实|抓好|聚焦|牵头)"
)
_NOT_ACTOR = re.compile(r"(?:在|于|为|向|帮助|指导|协助|对|以|由)$")
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_LIST_SEP = re.compile(r"^(?:、|和|及|与|以及)$")
_ACTOR_REACH = 20  # characters between an actor and the project it carries out
_RANK = {"planned": 0, "ongoing": 1, "completed": 2}
# 完成甲项目的立项申报工作: only the preparation is done
_PREPARED_ONLY = re.compile(r"^[^，。；,;]{0,6}?(?:立项|申报|前期|规划|设计|招标|可研|征地|征收|拆迁|选址|方案|评审|审批)")
_OTHER_PHASE = re.compile(r"[，,；;][一二三四五六七八九十\d]期")  # 一期投产，二期完成70%: the next clause is another phase


def status(ctx: Context, first: Mention, last: Mention, after_end: int | None = None, before_start: int = 0) -> str:
    """Status of the projects named from `first` to `last` (one, or a list 甲、乙项目), read in
    their sentence between the previous project (`before_start`) and the next one (`after_end`)."""
    start, end = ctx.sentence(first.start)
    if ctx.section(start)[1] == "plan":
        return "planned"
    after = ctx.text[last.end : min(end, after_end) if after_end is not None else end]
    after = _OTHER_PHASE.split(after)[0]
    if last.label == "Initiative":  # 开展“洁净家园”行动，完成改厕860户: the outputs, not the campaign's end
        after = _CLAUSE_BREAK.split(after)[0]
    before = ctx.text[max(start, before_start, first.start - 12) : first.start]
    before = _CLAUSE_BREAK.split(before)[-1]
    if _UNFINISHED.search(after):
        return "ongoing"
    for text in (after, before):
        hit = _DONE.search(text)
        if hit is not None and _PREPARED_ONLY.match(after):
            return "ongoing"
        if hit is not None:
            return "planned" if _LEADS_PLAN.search(text[: hit.start()][-8:]) else "completed"
    if _PLANNED.search(before):
        return "planned"
    return "ongoing"


def actor(ctx: Context, target: Mention, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The Organization or place that the sentence says carries out `target`, if any.
    `mentions` are the sentence's mentions sorted by start (`starts`); only those ending
    at most _ACTOR_REACH characters before the target are read, so a long sentence stays linear."""
    start = ctx.sentence(target.start)[0]
    lo = bisect_left(starts, target.start - _ACTOR_REACH - 40)  # no actor name is longer than 40 characters
    hi = bisect_left(starts, target.start)
    before = [m for m in mentions[lo:hi] if target.start - _ACTOR_REACH <= m.end <= target.start]
    best: Mention | None = None
    for m in sorted(before, key=lambda m: (m.end, m.end - m.start)):
        if m.label in _TARGETS:
            best = None  # another project stands between: its actor is not ours
        elif m.label in _ACTORS:
            gap = ctx.text[m.end : target.start]
            lead = ctx.text[max(start, m.start - 2) : m.start]
            if _ACTION.match(gap) and not _NOT_ACTOR.search(lead):
                best = m
    return best


def runs(ctx: Context, targets: list[Mention]) -> list[list[Mention]]:
    """Targets in text order, those of one list (甲项目、乙工程和丙基地) in one run."""
    out: list[list[Mention]] = []
    for m in targets:
        if out and out[-1][-1].end <= m.start and _LIST_SEP.match(ctx.text[out[-1][-1].end : m.start]):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def extract(ctx: Context) -> list[Relation]:
    best: dict[tuple[int, str, str], Relation] = {}  # one fact per sentence and pair: the furthest status
    for group in ctx.groups():
        mentions = sorted(group, key=lambda m: m.start)
        starts = [m.start for m in mentions]
        targets = runs(ctx, [m for m in mentions if m.label in _TARGETS])
        for i, run in enumerate(targets):
            # the nearest runs that do not overlap this one (usually the very next and previous)
            stop = next((targets[j][0].start for j in range(i + 1, len(targets)) if targets[j][0].start >= run[-1].end), None)
            prev = next((targets[j][-1].end for j in range(i - 1, -1, -1) if targets[j][-1].end <= run[0].start), 0)
            state = status(ctx, run[0], run[-1], stop, prev)
            for m in run:
                who = actor(ctx, m, mentions, starts)
                if who is None and not ctx.own_place_id:
                    continue
                source = ctx.entity(who) if who is not None else ctx.own_place_id
                marks = [(m.start, m.end)] + ([(who.start, who.end)] if who is not None else [])
                rel = ctx.relation("CARRIES_OUT", source, ctx.entity(m), m.start, marks, status=state, year=ctx.year_at(m.start))
                key = (ctx.sentence(m.start)[0], source, rel.target)
                held = best.get(key)
                if held is None or _RANK[state] > _RANK[str(held.properties["status"])]:
                    best[key] = rel
    return list(best.values())
