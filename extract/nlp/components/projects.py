"""Named undertakings by their head noun: …项目, …工程, …产业园, …基地, named facilities and roads.

Heads that also make common nouns (中心, 广场, 学校) need a stem with a proper
part (a word jieba does not know, or a place name: 青石坪党群服务中心); 项目 and
工程 only need a stem that is not a generic phrase (重点项目, 民生工程).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import closed_list_items, doc_text, extend_left, token_starts
from extract.nlp.lexicon import FUNCTION_TAGS, NON_NAME_TAGS, alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import MASK_CHARS, TRADE, cut_inner, has_proper_part, is_masked, strip_mask
from extract.nlp.tables import column_rows
from extract.patterns import after_last, branch_heads, guarded
from graph.model import PLACE_LABELS


def _heads(name: str) -> str:
    """A data file of head words as one alternation, longest first (森林公园 before 公园)."""
    return "|".join(sorted(words(name), key=lambda w: len(re.sub(r"\(\?.*?\)", "", w)), reverse=True))


_OPEN_HEADS = _heads("project_open_heads.txt")
_NAMED_HEADS = _heads("project_named_heads.txt")
_HEAD = guarded(branch_heads(_OPEN_HEADS) + branch_heads(_NAMED_HEADS), rf"(?:{_OPEN_HEADS})|(?P<named>{_NAMED_HEADS})")
_KEEP = frozenset({"及", "至", "将", "经", "与"})
_MASKED_UNITS = frozenset("省市县区镇乡村")
_UNIT_LEAD = re.compile(r"(?:[万千百亿]?(?:亩|吨|平方米|米|公里|千瓦|兆瓦|套|台|件|个|家|项|元|头|只|羽|株|棵|公斤|斤|座|栋|间|张|床)|亿)+")
_ENUM_LEAD = re.compile(r"[一二三四五六七八九十]+[)）]?")
_PHASE_ONLY = re.compile(r"[(（]?[一二三四五六七八九十]+期[)）]?")
_LEAD_WORD = re.compile(alternation("project_leads.txt"))
# 环境工程有限公司, 青石民宿合作社: a head before a legal form (data/company_legal_forms.txt) is a company's
_COMPANY_TAIL = re.compile(f"有限|股份|{alternation('company_legal_forms.txt')}")
_MAX = 34
# 青石村500亩高标准农田项目: a place or company, then the figure, opens the name (as the
# guideline's 西坑村520亩土地流转示范片项目); a figure alone does not (600亩稻鱼共生基地)
_GROUP_COUNT = re.compile(r"[两二三四五六七八九十\d]+大[\u4e00-\u9fff]{0,3}$")
_ASPECT = frozenset("着了过")
_BOUNDARY = re.compile(r"[东南西北](?:至|临|抵|邻)[^，,；;。]*$")
_CAPACITY_BEFORE = re.compile(r"(?:年产|年)$")
_CN_DIGITS = frozenset("一二三四五六七八九十百千万两")
_FIGURE_BEFORE = re.compile(r"(?:年产|产量|年)?(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万两]+)[万千百]?(?:亩|平方米|吨|千瓦|兆瓦|头|只|羽|套|台|件)$")


def _category_pattern() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation('project_categories.txt')})+")


_CATEGORY = _category_pattern()
# 新材料项目, 新能源装备项目, 农产品加工项目: an industry (data/trade_words.txt) or a kind, with what is
# done (data/construction_verbs.txt), before 项目 is a kind of project
_INDUSTRY = re.compile(
    f"(?:建|入区)?(?:{alternation('project_categories.txt')}|{alternation('trade_words.txt')}|{alternation('construction_verbs.txt')})+"
)
# 远舟光电有限公司华东结算中心: a facility head after a company's legal form is a unit of the
# company, not a project (…研发中心项目 is one)
_COMPANY_UNIT = re.compile(r"(?:公司|集团)[\u4e00-\u9fff]{0,8}$")
_ROAD = re.compile(r"[\u4e00-\u9fff]{2,5}(?:路|大道|大街|河|桥)")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff()（）]+")
_LEVEL = re.compile(r"^(?:国家级|省级|市级|区级|县级|全国|全省|全市|全区)")
_RANKING = re.compile(rf"(?:全国|全省|全市|全州|全区|全县|全镇|全乡|全街道?)?(?:{alternation('project_rankings.txt')})的?")
_NUMERALS = re.compile(r"(?:[每各这该此首][一二三四五六七八九十百千万两几多]*|[一二三四五六七八九十百千万两几多]+)[个项批类]?")  # 每一项目, 首批项目
_HEADING = re.compile(r"[（(][一二三四五六七八九十\d]+[)）]")  # （三）项目建设: a heading's number
_TIERS = re.compile(r"[两三四五]级")  # 镇村两级调解中心: a kind at every level, not one facility
# a road is a project only where the clause builds it (以青石公路为主轴 names a road in use)
_ROAD_HEADS = frozenset({"公路", "大道", "步道"})
_WORKS = re.compile(f"{alternation('road_works.txt')}|{alternation('project_road_works.txt')}")  # the clause builds the road
_CLAUSE = re.compile(r"[，。；,;！？\n]")
# a landform after a common word makes a place name: 凤凰岭, 青石湖 (data/project_landforms.txt)
_LANDFORM = words("project_landforms.txt")
# 产业园二期, 远舟项目（二期）: a phase after the head belongs to the name
_PHASE_AFTER = re.compile(r"[(（]?[一二三四五六七八九十]期[)）]?")
# 日间照料中心已建成4个, 微改造项目12件: a head followed by a count names a kind, not one place
_COUNT_AFTER = re.compile(r"(?:已|共|累计)?(?:建成|新建|完成|实施|开工|建设)?[\d一二三四五六七八九十]+(?:个|件|项|处|座|所|家|条|户)")
# 重点项目“青禾方舟”: the quoted name after a description is the project's name
_QUOTED_AFTER = re.compile(r"“([\u4e00-\u9fffA-Za-z]{2,12})”")
# 樟溪路北段建设, 青石大道改造: a road being built, named without 项目/工程
_ROAD_WORKS = guarded(
    "路大",
    r"(?:(?<![道公马铁网线])路|大道|大街)(?:[东南西北中]段|[一二三四五六七八九十]期)?(?=(?:新建|改扩建|扩建|改造|修建|拓宽|建设|提升|刷黑|硬化|白改黑|升级)(?!项目|工程))"
)


# 一村一品, 五清一改, 百县千镇万村: numerals each before a word or two make a slogan
_NUMERAL = "一二三四五六七八九十百千万两"
_SLOGAN = re.compile(f"[{_NUMERAL}][^{_NUMERAL}\\d“”]{{1,2}}[{_NUMERAL}]")


_LANDSCAPE = re.compile("[河湖江溪岸街巷山路桥湾港]")


# 万亩晚熟柑橘产业带, 千亩茶旅示范片: a scale of 亩 and a crop or use name one belt or plot
_SCALED = re.compile(r"[百千万]+亩[\u4e00-\u9fff]{2,}")


_CODED_WORKS = re.compile(r"(?<![\d.])\d{3,4}$")
_PLACE_UNITS = frozenset("村镇乡")
_NUMBERED_FARM = re.compile(r"[一二三四五六七八九十〇零]*(?:农场|林场|牧场|湾|里|铺|岭|屯|堡|庄)")  # also 三十六湾, 十里铺
_NUMERALS_BEFORE = re.compile(r"[一二三四五六七八九十〇零]+$")


# G318线青石段, S205青石至柳湾段, 105国道: a route's number opens the road's name
_ROUTE_CODE = re.compile(r"(?<![A-Za-z\d])(?P<letter>[GSXYZ])?\d{1,4}$")


_HEAD_TAILS = words("project_head_tails.txt")
_STAFF_AFTER = re.compile(alternation("project_staff_after.txt"))
_VENUE_VERB = re.compile(alternation("project_venue_verbs.txt"))
_BODY_ONLY = ("公司", "集团", "有限")  # XXX公司冷链物流项目: a masked company leaves its legal form
_DASHES = "—－-~～"


def _dash_start(doc: Doc, text: str, start: int) -> int:
    """青石—柳湾旅游通道项目: a place joined by a dash opens the name."""
    if start < 3 or text[start - 1] not in _DASHES:
        return start
    before = extend_left(doc, start - 1, 6, NON_NAME_TAGS)
    return before if start - 1 - before >= 2 and _CJK_NAME.fullmatch(text[before : start - 1]) else start


def _after_description(text: str, start: int, head: int, generic: frozenset[str]) -> int:
    """市级重点项目柳湾冷链物流园: a generic description (data/generic_projects.txt) before the
    name stands in apposition; the name starts after it."""
    for kind in re.finditer("项目|工程", text[start:head]):
        end = start + kind.end()
        described = any(text[max(0, end - n) : end] in generic for n in range(4, 9))  # 亿元项目, 市级重点项目
        if described and head - end >= 2:
            return end
    return start


def _after_open_bracket(text: str, start: int, head: int) -> int:
    """…发电项目（青石镇环境能源项目）: a bracket opened before the head and not closed holds
    a second name, which starts inside it."""
    depth, opened = 0, start
    for i in range(start, head):
        if text[i] in "（(":
            depth, opened = depth + 1, i + 1
        elif text[i] in "）)" and depth:
            depth -= 1
    return opened if depth else start


_VOLTAGE = re.compile(r"\d+(?:千伏|[Kk][Vv])$")


def _route_start(text: str, start: int) -> int:
    """The start of a route number right before the name, else the name's own start."""
    code = _ROUTE_CODE.search(text, max(0, start - 5), start)
    if code and (code.group("letter") or (len(code.group()) >= 2 and text[start + 1 : start + 2] == "道" and text[start] in "国省县")):
        return code.start()
    return start


# 青石冷库和远帆菌菇项目: a facility head, then 和, opens a second name
_PAIRED = re.compile(rf"[\u4e00-\u9fff]{{2,12}}?(?:{_OPEN_HEADS}|{_NAMED_HEADS})和")


_SINGLE_STOPS = frozenset("的和与及在对把被向从由为将已是了等个座条处家项所期年月")


def _split_name_start(text: str, starts: list[int], start: int) -> int:
    """Where a name starts that jieba cut into two or three single characters right before
    `start` (建成勐/混/茶叶交易市场), after a longer word or a clause break; else `start`."""
    k = _token_at(starts, start - 1)
    pos = start
    while k >= 0 and pos - starts[k] == 1 and re.match(r"[\u4e00-\u9fff]", text[starts[k]]) and text[starts[k]] not in _SINGLE_STOPS:
        pos, k = starts[k], k - 1
    run = start - pos
    before = text[starts[k] : pos] if k >= 0 else ""
    if 2 <= run <= 3 and _name_like_run(text[pos:start]) and (len(before) >= 2 or not re.match(r"[\u4e00-\u9fff]", before)):
        return pos
    return start


_RUN_OPEN_TAGS = frozenset({"v", "a", "d", "p", "m", "q", "r", "c", "u", "f", "ad", "vd"})


def _name_like_run(chars: str) -> bool:
    """Single characters that may open a name: not one repeated (小小), not a verb, adjective
    or function word first (建/好)."""
    return len(set(chars)) > 1 and jieba_tags().get(chars[0]) not in _RUN_OPEN_TAGS


def _single_run(text: str, starts: list[int], start: int, head: int) -> int:
    """How many single-character name tokens open the stem (勐/混 of 勐混茶叶), at most three."""
    k, run = _token_at(starts, start), 0
    while k + 1 < len(starts) and starts[k] == start + run and starts[k + 1] - starts[k] == 1 and start + run < head - 2:
        char = text[starts[k]]
        if not re.match(r"[\u4e00-\u9fff]", char) or char in _SINGLE_STOPS:
            break
        run, k = run + 1, k + 1
    return run if run <= 3 and _name_like_run(text[start : start + run]) else 0


def _token_at(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _leading_verb(text: str, starts: list[int], start: int, head: int) -> int:
    """A name opening with a verb (扩大芦湾育苗产业园) starts after it; 0 when it does not."""
    k = _token_at(starts, start)
    if k < 0 or starts[k] != start or k + 1 >= len(starts):
        return 0
    first = text[start : starts[k + 1]]
    tags = jieba_tags()
    if len(first) > 1 and tags.get(first) == "v" and head - starts[k + 1] >= 2:
        return starts[k + 1]
    if len(first) > 1 and tags.get(first) == "vn" and k + 2 < len(starts) and head - starts[k + 1] >= 4:
        second = text[starts[k + 1] : starts[k + 2]]
        if tags.get(second) in (None, "ns", "nr", "nz", "nt"):  # 运营锦澜…产业园: a verb, then a name
            return starts[k + 1]
    return 0


_LEAD_VERB = re.compile(alternation("project_lead_verbs.txt"))
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NOT_NAME_TAGS = frozenset({"v", "vn", "d", "ad", "p", "c", "u", "m", "q", "r", "f", "t", "a"})
_SELF_NAMED = re.compile(r"(?:全|我|本|该)(?:镇|乡|街道|街|村|社区|区|县)")
_STOP_VERB = re.compile(alternation("project_stop_verbs.txt"))


def _after_stop_verb(text: str, starts: list[int], start: int, head: int) -> int:
    """The name starts after the last verb of the sentence around it (…书记出席远舟…项目)."""
    for verb in _STOP_VERB.finditer(text, start, head):
        k = _token_at(starts, verb.start())
        end = verb.end() + 1 if text[verb.end() : verb.end() + 1] in _ASPECT else verb.end()  # 标志|着
        whole = starts[k] == verb.start() and (k + 1 == len(starts) or starts[k + 1] == verb.end())
        if whole:
            start = end if head - end >= 2 else head  # 着力项目: the verb leaves no name
    return start


def _verb_before_owner(text: str, start: int, head: int, owners_at: frozenset[int]) -> int:
    """投用青石镇便民服务中心: a verb, then a place or company that opens the name; 0 when not."""
    verb = _LEAD_VERB.match(text, start, head)
    if verb and verb.end() in owners_at and head - verb.end() >= 2:
        return verb.end()
    return 0


def kind_of_project(name: str) -> bool:
    """装备制造项目, 乡村振兴产业基地, 精品党建项目: the words before the head are only categories,
    trades or works (data/project_categories.txt, trade_words.txt), so the name is a kind."""
    head = next((m for m in _HEAD.finditer(name) if m.end() == len(name)), None)
    if head is None:
        return False
    stem = name[: head.start()]
    return not stem or stem in words("generic_projects.txt") or bool(_CATEGORY.fullmatch(stem)) or (
        head.group() in ("项目", "工程") and bool(_INDUSTRY.fullmatch(stem))
    )


def _name_before_figure(text: str, starts: list[int], figure: int) -> int:
    """云岭丰瑞15万头生猪养殖基地, 柳庄800亩…示范园: a short name the table does not know
    right before the figure, after a clause's start or a building verb, opens the name; 0 when not."""
    k = _token_at(starts, figure - 1)
    tags = jieba_tags()
    verbs = words("construction_verbs.txt")
    at = figure
    while k >= 0 and figure - starts[k] <= 6:
        word = text[starts[k] : at]
        if not _HAN_RUN.fullmatch(word) or tags.get(word) in _NOT_NAME_TAGS or word in verbs or _LEAD_VERB.fullmatch(word):
            break
        at, k = starts[k], k - 1
    before = text[starts[k] : at] if k >= 0 else ""
    opens = at == 0 or not _HAN_RUN.fullmatch(text[at - 1]) or before in verbs or bool(_LEAD_VERB.fullmatch(before))
    name = text[at:figure]
    return at if opens and 2 <= len(name) <= 6 and name not in words("function_words.txt") and not _SELF_NAMED.match(name) else 0


def _verb_phrase(stem: str) -> bool:
    """A four-character stem of a common word and a verb that builds nothing (大力开展, 适时启动)."""
    tags = jieba_tags()
    return (
        len(stem) == 4
        and tags.get(stem[2:]) in ("v", "vn")
        and stem[2:] not in words("construction_verbs.txt")
        and tags.get(stem[:2]) in ("n", "d", "ad", "a", "v")
    )


def _loose_verb_before(text: str, starts: list[int], head: int) -> bool:
    k = _token_at(starts, head - 1)
    if k < 0:
        return False
    word = text[starts[k] : head]
    return len(word) > 1 and jieba_tags().get(word) == "v" and word not in words("construction_verbs.txt")


@Language.component("govkg_projects", requires=["doc._.mentions"], assigns=["doc._.mentions"])
def projects(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    generic = words("generic_projects.txt")
    starts = token_starts(doc)
    found: list[Mention] = []
    unnamed: list[Mention] = []  # named heads without a proper stem: kept only beside a list mate
    places = {p.start: p for p in out if p.label in PLACE_LABELS}
    place_ends = {p.end: p for p in out if p.label in PLACE_LABELS}
    owners = {p.end: p for p in out if p.label in ("Village", "Community", "Subdistrict", "Enterprise")}
    companies = [(p.start, p.end) for p in out if p.label == "Enterprise"]
    owners_at = frozenset(p.start for p in out if p.label in PLACE_LABELS or p.label == "Enterprise")
    for m in _HEAD.finditer(text):
        if _COMPANY_TAIL.match(text, m.end()) or _inside(companies, m.start(), m.end()):
            continue  # 湖州绿源环境工程有限公司, 青石农贸市场经营管理有限公司: a company's name
        if m.group() in ("项目", "工程") and text[m.end() : m.end() + 1] in _HEAD_TAILS:
            continue  # 重大项目库, 工程师: another word
        phase = _PHASE_AFTER.match(text, m.end())
        end = phase.end() if phase else m.end()
        if not phase and m.group().endswith("园") and text[end : end + 1] == "区":
            end += 1  # 现代农业园区: the 园 head reads on into 园区
        if _COUNT_AFTER.match(text, end) or text.startswith(("村", "社区"), end):
            continue  # 枫冲中心村, 锦绣花园社区: the head names a place
        if _GROUP_COUNT.search(text, max(0, m.start() - 6), m.start()):
            continue  # 甲产业园、乙项目两大工程: the count closing a list of projects, no project
        if _BOUNDARY.search(text, max(0, m.start() - 16), m.start()):
            continue  # 东至某某批发市场, 西至某小镇: the landmarks a jurisdiction's edge runs along
        if m.group("named") and _STAFF_AFTER.match(text, end):
            continue  # 青石镇卫生院护士长: a workplace
        start = extend_left(doc, m.start(), _MAX, FUNCTION_TAGS, verbs_inside=True, allow_latin=True, keep=_KEEP)
        lead = _LEAD_WORD.match(text, start)
        while text[start] in "及至" or (lead and m.start() - lead.end() >= 2):
            start = start + 1 if text[start] in "及至" else lead.end()
            lead = _LEAD_WORD.match(text, start)
        start = cut_inner(text, start, m.start())
        raw = text[start : m.end()]
        name, cut = strip_mask(raw)
        while cut and (more := strip_mask(name)[1]):  # **市**县…: one masked place after another
            name, cut = name[more:], cut + more
        start += cut
        masked_name = start > 0 and text[start - 1] in MASK_CHARS  # XX新型显示产业园: the name itself is hidden
        if masked_name and text[start] in _MASKED_UNITS and text[start + 1] != "级" and m.start() - start >= 3:
            start += 1  # **市**县东岳镇…: the unit of a masked place
            masked_name = False
        start = _after_stop_verb(text, starts, start, m.start())
        lead = _leading_verb(text, starts, start, m.start()) or _verb_before_owner(text, start, m.start(), owners_at)
        if lead:
            start = lead
        unit = _LEAD_WORD.match(text, start)
        if unit and m.start() - unit.end() >= 2:  # 优化街道农业项目 -> 农业项目
            start = unit.end()
        elif unit and len(unit.group()) == 1 and m.start() - unit.end() == 1:
            continue  # 以大项目引领…: a preposition and a size, no name
        if start and text[start - 1] in "（(" and _ENUM_LEAD.match(text, start):  # （一）服务园区: a heading's number
            start = _ENUM_LEAD.match(text, start).end()
        unit = _UNIT_LEAD.match(text, start) if start and (text[start - 1].isdigit() or text[start - 1] in _CN_DIGITS) else None
        if unit and m.start() - unit.end() >= 2:  # 600亩稻鱼共生基地 -> 稻鱼共生基地
            start = unit.end()
        figure = _FIGURE_BEFORE.search(text, max(0, start - 12), start)
        holder = owners.get(figure.start()) if figure else None
        if holder is not None:
            start = holder.start
        elif figure is not None and figure.group().startswith("年"):
            start = figure.start()  # 年产五万套智能水表项目: the capacity names the project
        elif figure is not None:
            start = _name_before_figure(text, starts, figure.start()) or start
        elif (capacity := _CAPACITY_BEFORE.search(text, max(0, start - 3), start)) and text[start : start + 1].isdigit():
            owner = owners.get(capacity.start())  # 某环保科技有限公司年10万吨…项目: the firm and its capacity
            start = owner.start if owner is not None else capacity.start()
        heading = _HEADING.match(text, start)
        if heading:
            start = heading.end()
        start = _route_start(text, _dash_start(doc, text, start))
        coded = _CODED_WORKS.search(text, max(0, start - 4), start) if text[start : start + 1] in "厂矿" and text[start + 1 : start + 2] not in "房区址" else None
        if coded:  # 4213厂职工住宅改造项目: a works known by its code number opens the name
            start = coded.start()
        unit_joined = False
        if text[start : start + 1] in _PLACE_UNITS and start and re.match(r"[\u4e00-\u9fff]", text[start - 1]):
            k = _token_at(starts, start - 1)  # 回水/村栖溪精品民宿: jieba cut the place's name off its unit
            before = text[starts[k] : start] if k >= 0 else ""
            j = _token_at(starts, start)
            at = text[start : starts[j + 1]] if j + 1 < len(starts) else text[start:]
            verb = _LEAD_VERB.fullmatch(before) or _STOP_VERB.fullmatch(before) or before in words("construction_verbs.txt")
            if (len(at) == 1 or at not in jieba_tags()) and 2 <= len(before) <= 3 and not verb and before not in words("function_words.txt"):
                start, unit_joined = starts[k], True
        farm = _NUMBERED_FARM.match(text, start)
        numbered = _NUMERALS_BEFORE.search(text, max(0, start - 4), start) if farm else None
        if numbered:  # 八五九农场…项目: the farm's number opens the name
            start = numbered.start()
        start = _after_open_bracket(text, start, m.start())
        while text[start] in "）)" and start < m.start():
            start += 1  # （1）青石湾…项目: the close of a list number
        if start and text[start - 1] == "“" and text[end : end + 1] == "”" and start - 1 in place_ends:  # 青石村“幸福食堂”
            start = place_ends[start - 1].start
        start = _after_description(text, start, m.start(), generic)
        ranking = _RANKING.match(text, start, m.start())
        # 全县首个智慧农业示范基地: the ranking goes, the rest must be a name (首个…项目“蓝湾一号”: the quoted name decides)
        if ranking and not _QUOTED_AFTER.match(text, end):
            start = ranking.end()
        volt = _VOLTAGE.search(text, max(0, start - 8), start)
        if volt:  # 柳湾35千伏线路改造工程: a line's voltage and the name before it
            start = extend_left(doc, volt.start(), _MAX - (m.start() - volt.start()), FUNCTION_TAGS, keep=_KEEP)
        pair = _PAIRED.match(text, start, m.start())
        if pair and m.start() - pair.end() >= 2:  # 青石冷库和远帆菌菇项目: two projects
            found.append(Mention(start, pair.end() - 1, "Project", text[start : pair.end() - 1]))
            start = pair.end()
        name = text[start : m.end()]
        stem = name[: m.start() - start]
        owner = _owner_before(text, found, start)
        if owner is not None and (name in generic or stem in generic or _CATEGORY.fullmatch(stem)):
            found.remove(owner)  # 樟溪中学 + 新建 + 教学楼工程: the facility owns the kind of works
            start = owner.start
            name = text[start : m.end()]
            stem = name[: m.start() - start]
        if m.group() not in ("项目", "工程") and start and text[start - 1] in "在到于" and _VENUE_VERB.match(text, end):
            continue  # 在青石镇文化广场举办…: a venue
        if len(stem) < 2 or is_masked(name) or name in generic or stem in generic or stem.startswith(_BODY_ONLY):
            continue
        if stem[-1] in "及和与":
            continue  # 包抓及项目: a conjunction, then the word 项目
        if "等" in stem:
            continue  # 五甲等团块拆改项目: a list summed up, no name
        if stem.endswith("型") and len(stem) <= 4:
            continue  # 链主型项目, 税源型项目: a type of project
        slogan = _SLOGAN.match(stem.lstrip("“")) or (_SLOGAN.search(stem) if m.group("named") else None)  # not 东斟灌村“一村一品”彩椒基地
        if slogan and not _LANDSCAPE.search(slogan.group()):  # “一河两岸”整治提升项目 names a riverside
            continue  # “五清一改”工程, “百县千镇万村高质量发展工程”: a campaign's numbered slogan
        if _verb_phrase(stem):
            continue  # 大力开展项目攻坚: an adverb and a verb, not a name
        if _loose_verb_before(text, starts, m.start()) and not has_proper_part(stem, starts, start):
            continue  # 解决项目, 跟着项目: a verb's object, not a name
        if cut and start in places:
            continue  # xx青山…: the mask and the place make one masked name
        if masked_name and not has_proper_part(stem, starts, start, first_only=True):
            continue  # XX新材料光电科技产业园: what is left after the mask is a description
        split = _split_name_start(text, starts, start) if m.group("named") else start
        if split < start:  # 建成勐/混/茶叶交易市场: jieba cut an unknown name into single characters
            start, name = split, text[split : m.end()]
            stem = name[: m.start() - start]
        was_split = m.group("named") is not None and _single_run(text, starts, start, m.start()) >= 2
        placed = start in places or _landform_start(text, starts, start) or _SCALED.match(stem) is not None or was_split or unit_joined
        if m.group() in _ROAD_HEADS and not _built(text, start, end):
            continue
        if m.group() == "示范区" and not _SCALED.search(stem):  # also 南坪村“百亩优质黄精”示范区
            continue  # 建设成为…成果示范区: a goal or title; 百亩优质黄精示范区 is a plot
        if _CATEGORY.fullmatch(stem) or _NUMERALS.fullmatch(stem) or _LEVEL.match(stem) or _TIERS.search(stem) or _PHASE_ONLY.fullmatch(stem):
            continue
        if m.group() in ("项目", "工程") and _INDUSTRY.fullmatch(stem):
            continue
        if m.group() == "中心" and start in places and places[start].end == m.start():
            continue  # 青溪镇中心, 上街区中心: the centre of a place, no facility
        if m.group("named") and _COMPANY_UNIT.search(stem) and not re.match(r"项目|工程", text[end : end + 2]):
            continue
        if m.group("named") and not placed and not has_proper_part(stem, starts, start, first_only=True):
            unnamed.append(Mention(start, end, "Project", name + text[m.end() : end], {"head": m.group()}))
            continue
        quoted = _QUOTED_AFTER.match(text, end) if m.group() in ("项目", "工程") and not placed else None
        if quoted and not phase:
            found.append(Mention(quoted.start(1), quoted.end(1), "Project", quoted.group(1)))
            continue
        name = (name + text[m.end() : end]).replace("（", "(").replace("）", ")").replace("“", "").replace("”", "")
        # 产业园二期 after 产业园: the longer name at the same start replaces the shorter one
        shared = place_ends.get(start - 1) if placed and start > 1 and text[start - 1] == "、" else None
        # 产业园二期 after 产业园, 白沙村文化礼堂建设项目 after 白沙村文化礼堂: the longer name at the
        # same start replaces the shorter one (and the shorter one given to a place sharing it)
        shorter = [f for f in found[-2:] if f.start == start and f.end <= end]
        if shorter:
            found = [f for f in found if f not in shorter and not (shared and (f.start, f.end) == (shared.start, shared.end))]
        found.append(Mention(start, end, "Project", name))
        if shared is not None:  # 樟木村、白沙村文化礼堂建设项目: one project per place
            found.append(Mention(shared.start, shared.end, "Project", shared.name + name[len(places[start].name) :]))
        if _ROAD.fullmatch(stem) and start > 2 and text[start - 1] == "、":  # 樟溪路、青石路项目
            road_start = extend_left(doc, start - 1, 6, NON_NAME_TAGS)
            road = text[road_start : start - 1]
            if _ROAD.fullmatch(road):
                found.append(Mention(road_start, start - 1, "Project", road + name[len(stem) :]))
        named_before = any(f.end == start - 1 for f in found) or any(u.end == start - 1 for u in unnamed)
        if m.group() in ("项目", "工程") and start > 4 and text[start - 1] == "、" and len(stem) >= 4 and not named_before:
            mate = _shared_head_mate(doc, text, starts, start, stem, places)
            if mate is not None:  # 阳光岛110KV线路、云帆星港线路工程: the list shares the head
                found.append(Mention(mate[0], mate[1], "Project", text[mate[0] : mate[1]] + name[len(stem) :]))
    mates = _list_mates(text, found, unnamed)
    # 亲子戏水漂流两段式漂流项目 after the mate 亲子戏水漂流: a summary starting inside a name
    found = [f for f in found if not any(a <= f.start < b < f.end for a, b in ((x.start, x.end) for x in mates))]
    found += mates
    found += _enumerated(doc, text, generic, places)
    found += _road_works(doc, text, places)
    found += [r for r in _phased(doc, text, places) if not any(f.start <= r.start < f.end or r.start <= f.start < r.end for f in found)]
    found += [r for r in _road_lists(doc, text, places) if not any(f.start <= r.start and r.end <= f.end for f in found)]
    found += _renewals(text, places)
    found += [r for r in _road_sections(doc, text, places) if not any(f.start <= r.start and r.end <= f.end for f in found)]
    found += _table_rows(text, generic)
    out.extend(found)
    return doc


# 樟溪医院、远舟总部、青石人民医院等重点项目 (or …三个项目): every item of a list closed by 等…项目 or by
# its count is a project
# (searched back from 等…项目, so the scan stays linear)
_ENUMERATION_END = re.compile(
    rf"(?:等|(?=[\d一二两三四五六七八九十]+个))(?:[\d一二两三四五六七八九十]+个)?(?:{alternation('project_list_qualifiers.txt')})*(?:项目|工程)"
)
_ENUMERATION = re.compile(r"((?:[^，。；、,;：:等\n]{2,20}、)+[^，。；、,;：:等\n]{2,20})$")
_ENUMERATION_REACH = 240


def _enumerated(doc: Doc, text: str, generic: frozenset[str], places: dict[int, Mention]) -> list[Mention]:
    found: list[Mention] = []
    starts = token_starts(doc)
    for i, start, end in closed_list_items(text, _ENUMERATION_END, _ENUMERATION, _ENUMERATION_REACH):
        if i == 0:
            start = extend_left(doc, end, 20, FUNCTION_TAGS, verbs_inside=True, keep=_KEEP)
            start = _after_stop_verb(text, starts, cut_inner(text, start, end), end)
        for a, b in _paired_items(text, start, end):
            item = _list_item(text, starts, a, b, generic, places)
            if item:
                found.append(item)
    for intro in _LIST_INTRO.finditer(text):
        close = _LIST_CLOSE.search(text, intro.end())
        body_end = close.start() if close else len(text)
        body = text[intro.end() : body_end]
        tail = re.search(r"等+$", body)
        items = body[: tail.start() if tail else len(body)].split("、")
        if len(items) < 2 or body_end - intro.end() > _ENUMERATION_REACH:
            continue
        pos = intro.end()
        for piece in items:
            item = _list_item(text, starts, pos, pos + len(piece), generic, places)
            if item:
                found.append(item)
            pos += len(piece) + 1
    return found


# 项目15个，主要包括：甲、乙、丙等 / 在建项目12个（甲、乙等）: a list that a count of projects introduces
_LIST_INTRO = re.compile(r"(?:项目|工程)(?:[\d一二两三四五六七八九十]+个)?[，,]?(?:主要)?(?:包括|有|为|是|涉及)?[：:（(]")
_LIST_CLOSE = re.compile(r"[。；;）)\n：:]")


_HEAD_THEN_AND = re.compile(rf"(?:{_OPEN_HEADS}|{_NAMED_HEADS})和")


def _paired_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """闽宁镇扶贫车间和银川至闽宁公交首末站: an item joining two names by 和 after a head is two items."""
    pair = _HEAD_THEN_AND.search(text, start, end)
    if pair and pair.start() - start >= 2 and end - pair.end() >= 3:
        return [(start, pair.end() - 1), (pair.end(), end)]
    return [(start, end)]


def _list_item(
    text: str, starts: list[int], start: int, end: int, generic: frozenset[str], places: dict[int, Mention]
) -> Mention | None:
    """One item of a list of projects, if it is a name (a head, a place, a proper word)."""
    name = text[start:end]
    if start and text[start - 1] in MASK_CHARS:
        return None  # xx汽车产业园: the mask hid the item's name
    named = _HEAD.search(name) is not None or start in places or _landform_start(text, starts, start)
    named = named or has_proper_part(name, starts, start)
    fine = len(name) >= 3 and _CJK_NAME.fullmatch(name) and not is_masked(name) and named
    fine = fine and not TRADE.search(name)
    if fine and name not in generic and not _CATEGORY.fullmatch(name):
        return Mention(start, end, "Project", name)
    return None


# a table (or a table flattened to text) whose header names a 项目名称 column: each row's cell
# in that column is a project (序号 项目名称 总投资 … / 1 青禾智能装备制造 3.5 …)
_TABLE_COLUMN = words("project_table_headers.txt")


def _table_rows(text: str, generic: frozenset[str]) -> list[Mention]:
    found: list[Mention] = []
    for row in column_rows(text, _TABLE_COLUMN):
        cell = next((row[h] for h in _TABLE_COLUMN if h in row), None)
        if cell and 3 <= len(cell.text) <= 30 and _CJK_NAME.match(cell.text) and not is_masked(cell.text) and cell.text not in generic:
            found.append(Mention(cell.start, cell.end, "Project", cell.text.replace("（", "(").replace("）", ")")))
    return found


# 沪渝蓉高铁青石段, 环湖快速干道(柳湾段): a named section of a road or railway
_ROAD_SECTION = re.compile(rf"(?:{_heads('project_road_kinds.txt')})[(（]?[\u4e00-\u9fff]{{2,8}}?段[)）]?")


def _road_sections(doc: Doc, text: str, places: dict[int, Mention]) -> list[Mention]:
    """Sections of roads and railways that the clause builds (…高铁青石段建设, …公路(柳湾段)征地)."""
    found: list[Mention] = []
    starts = token_starts(doc)
    for m in _ROAD_SECTION.finditer(text):
        start = _route_start(text, extend_left(doc, m.start(), 8, NON_NAME_TAGS))
        stem = text[start : m.start()]
        coded = bool(stem) and stem[0].isascii()
        proper = coded or start in places or has_proper_part(stem, starts, start)
        if len(stem) >= 2 and not is_masked(stem) and proper and _built(text, start, m.end()):
            found.append(Mention(start, m.end(), "Project", text[start : m.end()].replace("（", "(").replace("）", ")")))
    return found


_RENEWAL = re.compile(f"(?:片区)?(?:{alternation('project_renewal_works.txt')})(?:项目|工程)?")


def _renewals(text: str, places: dict[int, Mention]) -> list[Mention]:
    """柳湾村城中村改造: a place's renewal works, named without a head (data/project_renewal_works.txt)."""
    found: list[Mention] = []
    for place in places.values():
        works = _RENEWAL.match(text, place.end)
        if works and not works.group().endswith(("项目", "工程")) and place.label in ("Village", "Community", "Subdistrict"):
            found.append(Mention(place.start, works.end(), "Project", text[place.start : works.end()]))
    return found


# 加快兴达路、江山路、霞梅线等配套道路建设, 完成生物路、国行路及光辉路等路网的路基工程: the
# roads of a list closed by 等…道路/路网 in a clause that builds them
_ROAD_LIST_END = re.compile(r"等(?:[\d一二三四五六七八九十]+条)?[\u4e00-\u9fff]{0,10}?(?:道路|路网|公路|干道)")
_ROAD_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,8}?(?:路|大道|大街|线)[、和及])+[\u4e00-\u9fff]{2,8}?(?:路|大道|大街|线))$")
_ROAD_ITEM = re.compile(r"[^、和及]+(?:路|大道|大街|线)")


def _road_lists(doc: Doc, text: str, places: dict[int, Mention]) -> list[Mention]:
    found: list[Mention] = []
    starts = token_starts(doc)
    for tail in _ROAD_LIST_END.finditer(text):
        listing = _ROAD_LIST.search(text, max(0, tail.start() - 60), tail.start())
        if listing is None or not _built(text, listing.start(1), tail.end()):
            continue
        for i, item in enumerate(_ROAD_ITEM.finditer(text, listing.start(1), tail.start())):
            head = starts[_token_at(starts, item.end() - 1)]  # 兴达路 may be one word
            start = max(item.start(), extend_left(doc, head, 6, NON_NAME_TAGS) if head < item.end() - 1 else extend_left(doc, item.end() - 1, 6, NON_NAME_TAGS)) if i == 0 else item.start()
            stem = text[start : item.end() - 1]
            k = _token_at(starts, start)
            first = text[start : starts[k + 1]] if k + 1 < len(starts) and starts[k] == start else stem
            verb = jieba_tags().get(first) in ("v", "vn", "d", "p", "c")  # 完成/青石路: no name opens with a verb
            if 2 <= len(stem) <= 6 and _CJK_NAME.fullmatch(stem) and not is_masked(stem) and not verb:
                found.append(Mention(start, item.end(), "Project", text[start : item.end()]))
    return found


# 横港二期完成投资, 宏伊房产一期已竣工: a name and its phase, then how the works stand, name a
# project without a head
_PHASED = re.compile(
    r"[(（]?[一二三四五六七八九十]期[)）]?"
    r"(?=已|正在|全面|完成|开工|竣工|建成|投产|主体|基本|顺利|加快|落地|封顶|交付|[、和]+[\u4e00-\u9fff]{2,6}[一二三四五六七八九十]期)"
)


def _phased(doc: Doc, text: str, places: dict[int, Mention]) -> list[Mention]:
    found: list[Mention] = []
    starts = token_starts(doc)
    for m in _PHASED.finditer(text):
        start = extend_left(doc, m.start(), 6, NON_NAME_TAGS)
        stem = text[start : m.start()]
        proper = start in places or has_proper_part(stem, starts, start, first_only=True)
        if 2 <= len(stem) <= 6 and _CJK_NAME.fullmatch(stem) and not is_masked(stem) and proper and not _HEAD.search(stem):
            found.append(Mention(start, m.end(), "Project", text[start : m.end()].replace("（", "(").replace("）", ")")))
    return found


def _road_works(doc: Doc, text: str, places: dict[int, Mention]) -> list[Mention]:
    """Roads being built (樟溪路北段建设): a proper stem, no 项目/工程 head needed."""
    found: list[Mention] = []
    starts = token_starts(doc)
    for m in _ROAD_WORKS.finditer(text):
        start = extend_left(doc, m.start(), 6, NON_NAME_TAGS)
        stem = text[start : m.start()]
        proper = start in places or has_proper_part(stem, starts, start, first_only=True)
        if len(stem) >= 2 and _CJK_NAME.fullmatch(stem) and not is_masked(stem) and proper:
            found.append(Mention(start, m.end(), "Project", text[start : m.end()]))
    return found


def _shared_head_mate(doc: Doc, text: str, starts: list[int], start: int, stem: str, places: dict[int, Mention]) -> tuple[int, int] | None:
    """The item before 、 that ends with the same word as this stem (…110KV线路、云帆星港线路工程),
    named (a proper part or a place), so the two share the head."""
    end = start - 1
    k = _token_at(starts, end - 1)
    last = text[starts[k] : end] if k >= 0 else ""
    if len(last) < 2 or not stem.endswith(last) or stem.count(last) > 1:
        return None  # 亲子戏水漂流两段式漂流项目 sums a list up
    begin = extend_left(doc, end, 14, FUNCTION_TAGS, allow_latin=True, keep=_KEEP)
    volt = _VOLTAGE.search(text, max(0, begin - 8), begin)
    if volt:  # 阳光岛110KV线路: the line's voltage and the name before it
        begin = extend_left(doc, volt.start(), 8, FUNCTION_TAGS, keep=_KEEP)
    item = text[begin:end]
    if len(item) - len(last) < 2 or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z\d]+", item) or is_masked(item):
        return None
    return (begin, end) if begin in places or has_proper_part(item, starts, begin, first_only=True) else None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """The head lies inside a longer name found before (a company's full name)."""
    return any(a < start and end < b for a, b in spans)


def _landform_start(text: str, starts: list[int], start: int) -> bool:
    """The name opens with a word and a landform (凤凰岭森林公园): a place name."""
    k = _token_at(starts, start)
    if k < 0 or starts[k] != start or k + 2 >= len(starts):
        return False
    word, next_word = text[start : starts[k + 1]], text[starts[k + 1] : starts[k + 2]]
    if len(word) < 2:
        return False
    # jieba may glue the landform to the head's first character (将军|山步|道): an unknown word
    return next_word in _LANDFORM or (next_word[:1] in _LANDFORM and next_word not in jieba_tags())


def _built(text: str, start: int, end: int) -> bool:
    """The clause around a road name speaks of building it."""
    before = after_last(_CLAUSE, text, max(0, start - 40), start)
    after = _CLAUSE.search(text, end)
    return bool(_WORKS.search(text, before, after.start() if after else len(text)))


_MATE_JOINS = "、和"  # 柳湾民宿和青石民宿: a named facility and its mate


def _list_mates(text: str, found: list[Mention], unnamed: list[Mention]) -> list[Mention]:
    """青禾田园漂流、亲子戏水漂流: a facility listed beside a named one of the same kind is named too."""
    heads = {(m.start, m.end): m.name for m in found}
    mates: list[Mention] = []
    changed = True
    while changed and unnamed:
        changed = False
        for cand in sorted(unnamed, key=lambda c: (c.start, c.end)):  # the shortest name at a start
            head = cand.properties["head"]
            left = [n for (a, b), n in heads.items() if b == cand.start - 1 and text[b] in _MATE_JOINS]
            right = [n for (a, b), n in heads.items() if a == cand.end + 1 and text[cand.end] in _MATE_JOINS]
            single = cand.name.count(head) == 1  # 竹林漂流两段式漂流 sums the list up
            if single and any(n.endswith(head) for n in left + right) and not any(m.start == cand.start for m in mates):
                unnamed.remove(cand)
                heads[(cand.start, cand.end)] = cand.name
                mates.append(Mention(cand.start, cand.end, "Project", cand.name))
                changed = True
    return mates


def _owner_before(text: str, found: list[Mention], start: int) -> Mention | None:
    """A named facility right before a construction verb that opens this name (樟溪中学新建…)."""
    for verb_len in (2, 3):
        if text[start - verb_len : start] in words("construction_verbs.txt"):
            return next((f for f in reversed(found) if f.end == start - verb_len), None)
    return None
