"""Companies, groups, cooperatives and banks by their legal suffix (有限公司, 集团, 合作社 ...)."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, extend_left, token_starts
from extract.nlp.components.admin_places import place_names
from extract.nlp.lexicon import FUNCTION_TAGS, alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import (
    TRADE,
    TRADE_WORD,
    company_core,
    cut_inner,
    has_proper_part,
    is_masked,
    legal_form,
    strip_mask,
)
from extract.patterns import guarded
from graph.model import PLACE_LABELS

# the heads a company is found by: legal forms (data/company_legal_forms.txt), banks
# (data/bank_heads.txt) and works (data/enterprise_works.txt), longest first
_HEADS = sorted(words("company_legal_forms.txt") | words("bank_heads.txt") | words("enterprise_works.txt"), key=lambda w: (-len(w), w))
_SUFFIX = guarded(_HEADS, "|".join(map(re.escape, _HEADS)))
_WORKS = words("enterprise_works.txt")
_FORMS = words("company_legal_forms.txt")
_COMPANY_BRANCH = re.compile(r"(?:(?![和与及、向为对在])[\u4e00-\u9fff]){2,8}?(?:分公司|子公司)")
_PROJECT_AFTER = re.compile(r"[(（]?[一二三四五六七八九十]期|项目|工程|建设|[房区址]")  # also 食品厂房
_MAX = 32
_KEEP = frozenset({"将", "经", "共", "全", "为", "由"})  # single characters common inside company names
# （五）授予…, 3.…: a heading's number before the name
_HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")
_LEVEL = re.compile(r"^(?:[\d个]*(?:国家级|省级|市级|区级|县级|镇级|乡级|村级|村))")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_BARE = frozenset({"公司", "合作社", "集团", "银行"})  # bare kinds need a proper name before them
_BANKS = frozenset(words("bank_heads.txt"))
# 青石农商银行溪口支行(溪口分理处): a branch after a bank, named by its place (data/bank_branches.txt)
_BRANCH = re.compile(rf"(?:(?!银行|农商行|[和与及、向为对在])[\u4e00-\u9fff]){{2,8}}?(?:{alternation('bank_branches.txt')})")


_NUMERALS_END = re.compile(r"[一二三四五六七八九十〇零\d]+$")
_NUMBERED = re.compile(r"[一二三四五六七八九十〇零\d]*(?:农场|林场|牧场|厂|矿)")


def _numbered_unit(text: str, start: int) -> int:
    """八五三农场丰源…合作社: a farm or works named by a number opens the name; jieba's numerals
    ended the walk inside it."""
    if _NUMBERED.match(text, start) and (numerals := _NUMERALS_END.search(text, max(0, start - 6), start)):
        return numerals.start()
    return start


_RANKED = re.compile(r"[\d十百千]$")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十几多]+[家个][分子]?$")
_COUNTY_ENDS = frozenset("市县区旗州")
_OWN_LEVELS = frozenset("镇乡村县区市")


def _generic_core(name: str) -> bool:
    """物业公司, 湖北省农民专业合作社: a kind of company, no company; a county's or city's kind
    (宜都市城投集团: data/enterprise_region_kinds.txt) is that place's company."""
    core = company_core(name)
    if core not in words("generic_enterprises.txt"):
        return False
    size = place_names().opening(name)
    return not (size >= 3 and name[size - 1] in _COUNTY_ENDS and core in words("enterprise_region_kinds.txt"))


_ROLE = re.compile(f"(?:{alternation('enterprise_roles.txt')})")


def _role(name: str, head: str) -> int:
    """Where a name starts after a role in apposition before it (战略投资者湘云集团, 职工徐长海家庭农场:
    data/enterprise_roles.txt); 0 when none stands there."""
    last = 0
    for m in _ROLE.finditer(name, 0, len(name) - len(head)):
        if len(name) - len(head) - m.end() >= 2:
            last = m.end()
    return last


def _verb_then_kind(name: str, generic: frozenset[str]) -> bool:
    """大力发展农民专业合作社, 组建专业合作社: a short phrase ending in a verb of founding
    (data/enterprise_founding_verbs.txt) before a kind of company names none (not 水稻种植专业合作社)."""
    for i in range(2, min(len(name) - 2, 5)):
        if name[i:] in generic:
            return name[:i].endswith(tuple(words("enterprise_founding_verbs.txt")))
    return False


_NAME_WORD_TAGS = frozenset({"n", "ng", "nr", "ns", "nz", "nt", "nrt"})


def _named_trade(stem: str) -> bool:
    """青叶纸业有限公司: a noun and a trade before a legal form name a company, though jieba
    knows the noun (not 建筑材料 or 新能源科技: a trade or an activity before the trade)."""
    trade = TRADE.search(stem)
    if trade is None or not 2 <= trade.start() <= 3:
        return False
    word = stem[: trade.start()]
    return jieba_tags().get(word) in _NAME_WORD_TAGS and not TRADE_WORD.search(word) and word not in words("generic_enterprises.txt")


def _cut_inner(text: str, start: int, head: int) -> int:
    """names.cut_inner, but a trade word is no verb phrase (宜昌鑫泰包装材料有限公司: 包装 stays)."""
    inner = cut_inner(text, start, head)
    trades = words("trade_words.txt")
    return start if inner > start and any(text.endswith(w, start, inner) for w in trades) else inner


def _after_open_bracket(text: str, start: int, head: int) -> int:
    """…产业园项目（湖北云帆新材料有限公司）: a bracket left open before the legal form opens a
    note holding the name; one closed inside it (云帆(湖北)有限公司) is part of the name."""
    depth, pos = 0, start
    for i in range(head - 1, start - 1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            if depth == 0:
                pos = i + 1
                break
            depth -= 1
    return pos


def _branch(text: str, end: int, head: str) -> re.Match[str] | None:
    """The branch written after a bank (also on the next line when a PDF broke the line there:
    青石农商银行⏎溪口支行) or after a company's legal form (…有限公司华东分公司)."""
    branch = _BRANCH if head in _BANKS else _COMPANY_BRANCH if head in _FORMS else None
    if branch is None:
        return None
    if text.startswith("\n", end) and end > 0 and _CJK_CHAR.match(text, end - 1):
        found = branch.match(text, end + 1)
    else:
        found = branch.match(text, end)
    if found and branch is _COMPANY_BRANCH and jieba_tags().get(found.group()[:-3], "ns") != "ns":
        return None  # …有限公司设立分公司: a branch is named by its place
    return found


def _split_trade_name(text: str, starts: list[int], start: int) -> int:
    """jieba cut a trade name into single characters, one of them a function word (滁州润和新材料…):
    take the characters back to the region before them."""
    k = bisect_right(starts, start - 1) - 1
    pos = start
    while k >= 0 and pos - starts[k] == 1 and _CJK_CHAR.match(text, starts[k]):
        pos, k = starts[k], k - 1
    if pos < start and k >= 0 and jieba_tags().get(text[starts[k] : pos]) == "ns":
        pos = starts[k]
    return pos


_LEADS = frozenset({"中共", "由", "占", "亿", "与", "和", "及", "对", "向", "把"})
_OBJECT_LEADS = frozenset("占由向把对")  # verbs and prepositions no company name opens with
_LEAD_TAGS = frozenset({"v", "vn", "vd", "p", "c", "d", "m"})
_VERB_TAGS = frozenset({"v", "vd", "p", "c", "d"})


def _lead(name: str) -> int:
    """Characters before the region that opens a company's name and are no part of it:
    鼓励/关注/由 (a verb or preposition), 中共 (its party committee), 亿 (an amount)."""
    tags = jieba_tags()
    for start, _end, *_ in place_names().find(name[:10]):
        if start == 0:  # 大同市…: the name opens with its region
            return 0
        if 0 < start <= 4:
            prefix = name[:start]
            verb = tags.get(prefix) in _LEAD_TAGS or tags.get(prefix[-2:]) in _VERB_TAGS  # (街道)联合海口…
            return start if prefix in _LEADS or prefix[-1] in _LEADS or verb else 0
        break
    if name[:2] in words("enterprise_context_verbs.txt") and len(name) >= 5:
        return 2  # 引入京东集团, 依托青禾集团: a verb whose object is a company
    for size in (2, 1):  # no region: a leading verb or preposition alone (鼓励青禾食品公司, 占天穗集团)
        prefix = name[:size]
        if len(name) - size >= 5 and (prefix in _LEADS or (size == 2 and tags.get(prefix) in _VERB_TAGS)):
            return size
        if size == 1 and len(name) - size >= 4 and prefix in _OBJECT_LEADS:
            return size
    return 0


def _opens_with_region(name: str, start: int, places: list[Mention]) -> bool:
    """大同市城市建设投资有限公司, 青石镇乡村振兴发展有限公司: a division name or a place found in the
    text opening the name makes it a proper one, though jieba knows each of its words."""
    return place_names().opening(name) >= 2 or any(p.start == start and p.end - p.start >= 2 for p in places)


# a line of running text a PDF broke inside a name: long, no heading number, no table cells, open at its end
_OPEN_LINE = re.compile(r"^(?![（(]?[一二三四五六七八九十\d]+[、.．)）])[^\s|]{14,}[\u4e00-\u9fffA-Za-z]$")


def _split_head(line: str, head: str) -> bool:
    """…云帆科技有限⏎公司: the line ends with the first part of a longer legal form."""
    return any(h.endswith(head) and len(h) > len(head) and line.endswith(h[: -len(head)]) for h in _HEADS)


def _wrapped_start(doc: Doc, text: str, start: int, head: str) -> int:
    """保定市青禾食用菌科技⏎有限公司: where a name a PDF line break cut starts on the line before
    (-1 when the line before is no running text that ends open)."""
    if start < 2 or text[start - 1] != "\n":
        return -1
    line = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
    if not (_OPEN_LINE.match(line) or _split_head(line, head)) or line.endswith(tuple(_HEADS)):
        return -1  # 宜都市云帆科技有限公司⏎青禾食品有限公司: a list of names, one a line
    before = extend_left(doc, start - 1, _MAX, FUNCTION_TAGS, verbs_inside=True, allow_latin=True, keep=_KEEP)
    before = cut_inner(text, before, start - 1)
    return before if before < start - 1 else -1


def _wrapped(doc: Doc, text: str, start: int, m: re.Match[str], places: list[Mention]) -> Mention | None:
    """The company whose name runs from the line before into this one, if it is one."""
    before = _wrapped_start(doc, text, start, m.group() if start == m.start() else "")
    if before < 0 or _opens_with_region(text[start : m.start()], start, places):
        return None  # 湖北磊川机械有限公司 opening a line is a whole name
    first, rest = text[before : start - 1], text[start : m.start()]
    name = first + text[start : m.end()]
    starts = token_starts(doc)
    generic = words("generic_enterprises.txt")
    if is_masked(name) or first + rest in generic or company_core(name) in generic:
        return None
    if not (has_proper_part(first, starts, before) or _opens_with_region(first, before, places)):
        return None  # 名单公布如下⏎青禾食品有限公司: the line before ends in no name
    lead = _lead(name)
    end = m.end()
    while (branch := _branch(text, end, m.group())):
        name, end = name + branch.group(), branch.end()
    return Mention(before + lead, end, "Enterprise", name[lead:].replace("（", "(").replace("）", ")"))


def _append_bank(text: str, out: list[Mention], start: int, m: re.Match[str], name: str) -> int:
    """A bank with its branch after it (建设银行青石支行); returns where it ends."""
    end = m.end()
    while branch := _branch(text, end, m.group()):
        name, end = name + branch.group(), branch.end()
    out.append(Mention(start, end, "Enterprise", name))
    return end


# 中建三局, 中铁十一局集团, 中交二航局: a state-owned builder's numbered bureau (data/enterprise_numbered_bureaus.txt)
_BUREAU = re.compile(
    rf"(?:{alternation('enterprise_numbered_bureaus.txt')})[一二三四五六七八九十]+(?:航|公|工程)?局"
    rf"(?:集团)?(?:{alternation('company_legal_forms.txt')})?"
)


# 4213厂, 5702厂: a works known by its code number
_CODED_WORKS = re.compile(r"(?<![\d.])\d{3,4}厂(?![房区址])")


def _coded_works(text: str, out: list[Mention]) -> None:
    out.extend(Mention(m.start(), m.end(), "Enterprise", m.group()) for m in _CODED_WORKS.finditer(text))


def _bureaus(text: str, out: list[Mention]) -> None:
    """Add the numbered bureaus no legal form found (中建三局), and those whose 集团 cut them short."""
    for m in _BUREAU.finditer(text):
        inside = [e for e in out if e.label == "Enterprise" and e.start < m.end() and m.start() < e.end]
        if all(e.start >= m.start() and e.end <= m.end() for e in inside):
            out[:] = [e for e in out if e not in inside]
            out.append(Mention(m.start(), m.end(), "Enterprise", m.group()))


@Language.component("govkg_enterprises", requires=["doc._.sentences"], assigns=["doc._.mentions"])
def enterprises(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    generic = words("generic_enterprises.txt")
    last_end = -1
    places = [m for m in out if m.label in PLACE_LABELS]
    for m in _SUFFIX.finditer(text):
        if m.group() in _WORKS and _PROJECT_AFTER.match(text, m.end()):
            continue  # 新建宏川服装厂项目, 青禾食品厂房: the works is the project's object, or a building
        start = extend_left(doc, m.start(), _MAX, FUNCTION_TAGS, verbs_inside=True, allow_latin=True, keep=_KEEP)
        start = _numbered_unit(text, _after_open_bracket(text, _cut_inner(text, start, m.start()), m.start()))
        wrapped = _wrapped(doc, text, start, m, places) if start >= last_end else None
        if wrapped:
            out.append(wrapped)
            last_end = wrapped.end
            continue
        raw = text[start : m.end()]
        name, cut = strip_mask(raw)
        heading = _HEADING.match(name)
        if heading:
            name, cut = name[heading.end() :], cut + heading.end()
        level = _LEVEL.match(name)
        if level:
            name, cut = name[level.end() :], cut + level.end()
        if _RANKED.search(text, max(0, start + cut - 4), start + cut) and name.startswith("强"):
            name, cut = name[1:], cut + 1  # 500强云帆控股集团: the rank is no part of the name
        stem = name[: len(name) - len(m.group())]
        if _COUNTED.search(stem):
            continue  # 两家子公司, 3家分公司: a count of companies
        known_bank = m.group() == "银行" and stem in words("enterprise_bank_names.txt")  # 建设银行
        if known_bank and start >= last_end:
            last_end = _append_bank(text, out, start + cut, m, name)
            continue
        if len(stem) < 2 or is_masked(name) or stem in generic or name in generic or (legal_form(name) and _generic_core(name)):
            continue
        skip = _lead(name)  # 由通道县…: the region opens the name after its lead
        if not (
            has_proper_part(stem, token_starts(doc), start + cut)
            or _opens_with_region(stem[skip:], start + cut + skip, places)
            or _named_trade(stem[skip:])
        ):
            start, cut = _split_trade_name(text, token_starts(doc), start + cut), 0
            name = text[start : m.end()]
            if not has_proper_part(name[: -len(m.group())], token_starts(doc), start):
                continue  # 零部件有限公司 names no company
        lead = _lead(name) or _role(name, m.group())
        if lead:
            name, cut = name[lead:], cut + lead
        if name[0] in _OWN_LEVELS and name[1:] in generic:
            continue  # 镇强村公司: the township's kind of company
        if _verb_then_kind(name, generic):
            continue  # 大力发展农民专业合作社: what is done with a kind of company
        if start < last_end:  # 集团 inside 集团有限公司 was already taken
            continue
        end = m.end()
        while (branch := _branch(text, end, m.group())):
            name, end = name + branch.group(), branch.end()
        last_end = end
        out.append(Mention(start + cut, end, "Enterprise", name.replace("（", "(").replace("）", ")")))
    _bureaus(text, out)
    _coded_works(text, out)
    return doc
