"""REPORTED: one observation of one place, one indicator, one year, one value.

The figure that follows the indicator in its clause is the value (地区生产总值18.6亿元，同比增长6.8%
-> value 18.6, unit 亿元, 1.86e9 yuan, comparison 同比增长, change 0.068 ratio). When the only
figure is the change itself (工业产值同比增长9%), it is the value (0.09 ratio) and the comparison
words are kept; 个百分点 is a change in points.

Each fact carries `indicator` (the controlled name, indicator_standard.txt), `indicator_text`
(the report's own), `kind` (actual, or target in a plan), and the year it is stated for: a
year written at the head of its paragraph (2024年，全镇完成…) governs a review paragraph even in
a plan report. A share (研发投入占地区生产总值比重4.2%, 税收占比) is its own indicator, never
the indicator it is a share of.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.nlp.lexicon import DATA
from extract.nlp.mention import Mention
from extract.relations.context import _YEAR, Context
from extract.relations.figures import COMPARISON, FIGURE, change, figure, figure_unit
from graph.model import Entity, Relation, entity_id

_CLAUSE_END = re.compile(r"[；;。\n]|[，,](?!同比|环比|较上年|比上年|较去年|比去年|增长|下降|增幅|降幅|提高|减少)")
# a share: 占地区生产总值(的)比重, 税收占比; a rate per unit: 单位地区生产总值能耗
_SHARE_TAIL = re.compile(r"(?:的)?(?:比重|比例|占比)")
_PER_UNIT_TAIL = re.compile(r"(?:能耗|电耗|水耗|二氧化碳排放)")
_LEFT_STOP = re.compile(r"[，,；;。：:、\n]")
_TARGET_WORDS = re.compile(r"力争|预期|目标|确保|争取|预计")
# whose figure it is when not the place's: a company, a village (白塔村…基地面积), a project (…项目二期建设，新增…面积)
_COMPANIES = frozenset({"Enterprise"})
_LOCAL_OWNERS = frozenset({"Village", "Community", "Project"})
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
# a share written after the figure: 民生支出3.26亿元，占一般公共预算支出的81%
_SHARE_AFTER = re.compile(r"[，,]\s*占(?P<whole>[^，,。；;]{2,16}?)的?(?:比重|比例)?(?:为|达到?)?\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|％)")
# a share with no 比重: 民生支出占一般公共预算支出的78%
_SHARE_OF = re.compile(r"占(?P<whole>[^，,。；;\d]{2,16}?)的(?=(?:比重|比例)?(?:为|达到?)?\s*\d)")
_COMPANY_WORD = re.compile(r"企业|合作社|公司")
_WHOLE_PLACE = re.compile(r"全镇|全乡|全街|全区|全村|全县|全市|辖区|我镇|我乡|我街")


@lru_cache(maxsize=1)
def standard_names() -> dict[str, str]:
    """A report's indicator name -> its controlled name (extract/nlp/data/indicator_standard.txt)."""
    table: dict[str, str] = {}
    for line in (DATA / "indicator_standard.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        standard, _, variants = line.partition("\t")
        for name in [standard, *variants.split()]:
            table[name.strip()] = standard.strip()
    return table


def standard_name(name: str) -> str:
    """The controlled name of an indicator, else its own name (a share or a rare metric)."""
    return standard_names().get(name, name)


def _compound(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Widen an indicator to the share or per-unit rate it is part of: (start, end, is_share)."""
    if text.startswith("占", end):  # 研发投入占地区生产总值比重: the share starts at the numerator
        tail = _SHARE_TAIL.search(text, end, end + 16)
        if tail is not None and not _LEFT_STOP.search(text, end, tail.start()):
            return start, tail.end(), True
    if (share := _SHARE_TAIL.match(text, end)) is not None and not text.startswith("占", start - 1):
        return start, share.end(), True  # 税收占比
    if text.startswith("占", start - 1) and (tail := _SHARE_TAIL.match(text, end)) is not None:
        stop = max([m.end() for m in _LEFT_STOP.finditer(text, max(0, start - 13), start - 1)], default=max(0, start - 13))
        return stop, tail.end(), True  # the numerator is no indicator of ours: from the clause
    if (of := _SHARE_OF.match(text, end)) is not None:  # 民生支出占一般公共预算支出的78%
        return start, of.end() - 1, True
    if text.startswith("单位", start - 2) and (rate := _PER_UNIT_TAIL.match(text, end)) is not None:
        return start - 2, rate.end(), True
    return start, end, False


def _share_name(written: str) -> str:
    """A share's name ending in 比重 (民生支出占一般公共预算支出的 -> 民生支出占一般公共预算支出比重)."""
    written = written.removesuffix("的")
    return written if written.endswith(("比重", "比例", "占比")) else written + "比重"


def paragraph_year(ctx: Context, offset: int) -> int | None:
    """A year written at the head of the paragraph (2024年，… / 回顾2024年，…) before offset."""
    head = ctx.text.rfind("\n", 0, offset) + 1
    found = [m for m in _YEAR.finditer(ctx.text, head, min(offset, head + 12))]
    return int(found[0].group(1)) if found else None


def extract(ctx: Context) -> list[Relation]:
    if not ctx.own_place_id:
        return []
    found: list[Relation] = []
    text = ctx.text
    covered: list[tuple[int, int]] = []  # shares already read: the indicators inside them are done
    for m in sorted((m for m in ctx.mentions if m.label == "Indicator"), key=lambda m: (m.start, -m.end)):
        if any(a <= m.start and m.end <= b for a, b in covered):
            continue
        if _someone_elses(ctx, m):
            continue
        start, end, share = _compound(text, m.start, m.end)
        if share:
            covered.append((start, end))
        stop = _CLAUSE_END.search(text, end)
        limit = min(stop.start() if stop else len(text), end + 40)
        value = FIGURE.search(text, end, limit)
        if value is None:
            continue
        lead = COMPARISON.search(text, end, limit)
        if lead is not None and lead.start() <= value.start() < lead.end():
            comp = lead  # the figure is the change itself (同比增长9%, 提高2个百分点)
            fig = figure(lead.group("value"), lead.group("unit"))
            span = lead.span("value")[0], lead.end()
        else:
            comp = COMPARISON.search(text, value.end(), limit)
            fig = figure(value.group("value"), figure_unit(value))
            span = value.span()
        own_text = m.name if not share else _share_name(text[start:end])
        year, kind = _year_and_kind(ctx, m.start)
        props = dict(
            indicator=standard_name(own_text), indicator_text=own_text, kind=kind,
            value=fig.value, unit=fig.unit, value_normalised=fig.value_normalised,
            base_unit=fig.base_unit, year=year,
        )
        marks = [(start, end), span]
        if comp is not None:
            props["comparison"] = comp.group("words")
            props["change"], props["change_unit"] = change(comp.group("words"), comp.group("value"), comp.group("unit"))
            marks.append(comp.span())
        target = ctx.entity(m) if not share else _share_entity(ctx, own_text)
        found.append(ctx.relation("REPORTED", ctx.own_place_id, target, m.start, marks, **props))
        after = _SHARE_AFTER.match(text, span[1]) if not share and comp is None else None
        if after is not None:  # …3.26亿元，占一般公共预算支出的81%: the share is an observation of its own
            name = f"{own_text}占{after.group('whole')}比重"
            fig = figure(after.group("value"), after.group("unit"))
            found.append(ctx.relation(
                "REPORTED", ctx.own_place_id, _share_entity(ctx, name), m.start, [(m.start, m.end), after.span()],
                indicator=standard_name(name), indicator_text=name, kind=kind, value=fig.value, unit=fig.unit,
                value_normalised=fig.value_normalised, base_unit=fig.base_unit, year=year,
            ))
    return found


def _someone_elses(ctx: Context, m: Mention) -> bool:
    """A company's, a village's or a project's figure, not the place's: a company (or 企业, 合作社)
    written before it in its sentence, or a village or project in its clause or its own name
    (白塔村稻虾共养基地面积), with no 全镇/全乡 since."""
    start = ctx.sentence(m.start)[0]
    clause = max([b.end() for b in _CLAUSE_BREAK.finditer(ctx.text, start, m.start)], default=start)
    owners = [o.end for o in ctx.in_sentence(m.start, _COMPANIES) if o.end <= m.start]
    owners += [w.end() for w in _COMPANY_WORD.finditer(ctx.text, start, m.start)]
    owners += [o.end for o in ctx.in_sentence(m.start, _LOCAL_OWNERS) if clause <= o.start and o.end <= m.start]
    owners += [m.start for o in ctx.in_sentence(m.start, _LOCAL_OWNERS) if o.start == m.start and o.end < m.end]
    if not owners:
        return False
    return _WHOLE_PLACE.search(ctx.text, max(owners), m.start) is None


def _year_and_kind(ctx: Context, offset: int) -> tuple[int | None, str]:
    """The year a figure is stated for and whether it is an actual or a target.

    A year the sentence writes wins, then one at the head of the paragraph; a figure for a
    year before the plan year is an actual even in a plan section (a plan report's review)."""
    kind = ctx.section(ctx.sentence(offset)[0])[1]
    year = ctx.stated_year(offset) or paragraph_year(ctx, offset)
    if year is None:
        year = ctx.plan_year if kind == "plan" and ctx.plan_year else ctx.year
    start = ctx.sentence(offset)[0]
    if kind == "plan":
        earlier = year is not None and ctx.plan_year is not None and year < ctx.plan_year
        return year, "actual" if earlier and not _TARGET_WORDS.search(ctx.text, start, offset) else "target"
    return year, "target" if _TARGET_WORDS.search(ctx.text, start, offset) else "actual"


def _share_entity(ctx: Context, name: str) -> str:
    """The place's own Indicator node of a share (研发投入占地区生产总值比重), never the GDP's."""
    entity = Entity(entity_id("Indicator", name, ctx.own_place_id), "Indicator", name, [], {"standard": standard_name(name)})
    ctx.extra_entities.setdefault(entity.id, entity)
    return entity.id
