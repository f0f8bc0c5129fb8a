"""Short company names: the head of a full name used again (恒固新材料 after
长沙恒固新材料科技有限公司), the unknown word a project is named after (远舟大数据产业园
gives 远舟), and short names listed after 引进/入驻 (引进远舟光电、青禾物流…)."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import closed_list_items, doc_text, extend_left, token_starts
from extract.nlp.lexicon import NON_NAME_TAGS, alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import TRADE, TRADE_WORD, company_core, has_proper_part, is_masked, legal_form
from extract.nlp.tables import column_rows
from extract.patterns import guarded
from graph.model import PLACE_LABELS

_MIN = 2


_LISTED = re.compile(r"(?:引进|入驻|签约|落户|招引)(?:了)?([^。；;：:\n]{2,80}?[、，,][^。；;：:\n]{2,80})")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_PLACE_LIST_END = re.compile(r"^[^，。；;,]*?等(?:地|[\d一二两三四五六七八九十]*个?[村镇乡县市区省国](?!级|[\u4e00-\u9fff]*企))")
_KIND_END = re.compile(r"(?:企业|公司)$")
_COUNT = re.compile(r"[\d一二两三四五六七八九十]+[个家项]")
_PHASE_ITEM = re.compile(r"([\u4e00-\u9fff]{2,4})[二三四五六七八九十]期")
_ITEM_TAIL = re.compile(r"(?:等)?(?:\d+|[一二三四五六七八九十]+)?(?:家|个)?(?:企业|项目|公司)?$")
_GEOGRAPHIC = frozenset("区路湖山河街村镇乡港湾江园岛道桥寨")
_BRANDED_HEAD = re.compile(r"(?:产业园|基地|地块|总部|生产线|工厂|项目)(?:\(?[一二三四五六七八九十]期\)?)?$")
_NOT_COMPANY = re.compile(f"(?:{alternation('not_company_ends.txt')})$")


_FIGURE_BEFORE = re.compile(r"\d[\d.]*[万千百]?(?:亩|吨|平方米|公顷|头|只|羽|千瓦|兆瓦|台|套|件)$")
_PLACE_TRADE = re.compile(r"[谷湾岛沟寨](?:文旅|旅游|康养|农旅|生态)?$|(?:文旅|旅游|康养|农旅)$")
_PLACE_NAMED_KIND = re.compile(alternation("enterprise_place_named_kinds.txt"))
_ROAD_AFTER = re.compile(r"公路|大道|大街|大桥|隧道|路|街(?!道)")
_TRADES_LONGEST = tuple(sorted(words("trade_words.txt") | words("enterprise_not_brands.txt"), key=len, reverse=True))
_SCHOOL = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:大学|学院|学校|中学|小学|医院)")  # also 华溪|理工大学
_BRAND_TAGS = (None, "nz", "nt", "nr", "ns")
_DESCRIPTORS = frozenset({"智能"})  # an adjective before the product, no trade (远舟智能装备)


def _project_brand(text: str, starts: list[int], project: Mention) -> str:
    """The name words opening a project's name (远舟 in 远舟大数据产业园, 远舟华科 in
    远舟华科智造产业园): words jieba does not know or tags as names, up to a known word."""
    k = bisect_right(starts, project.start) - 1
    if k < 0 or starts[k] != project.start or k + 1 >= len(starts):
        return ""
    first = text[project.start : starts[k + 1]]
    if len(first) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", first) or project.end - starts[k + 1] < 2:
        return ""
    if jieba_tags().get(first) not in (None, "nz", "nt") or not looks_like_brand(first) or _glued_function(first):
        return ""
    end = starts[k + 1]
    k += 1
    while k + 1 < len(starts) and starts[k + 1] - project.start <= 4 and project.end - starts[k + 1] >= 2:
        word = text[starts[k] : starts[k + 1]]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or jieba_tags().get(word, None) not in _BRAND_TAGS:
            break
        if word in words("enterprise_not_brands.txt"):
            break  # 远舟智慧农业示范园: 智慧 modifies the kind, the name is 远舟
        end, k = starts[k + 1], k + 1
    for j in (k + 1, k + 2):  # 远舟光电, 远舟新/材料; not 远舟智能
        if j < len(starts) and project.end - starts[j] >= 2:
            trade = text[starts[k] : starts[j]]
            if TRADE.fullmatch(trade) and trade not in _DESCRIPTORS:
                end = starts[j]
                break
    word = text[project.start : end]
    if _NOT_COMPANY.search(word) or _SCHOOL.match(text, end):
        return ""  # 华溪科技大学…基地: a school's name, no company's
    if _ROAD_AFTER.match(text, end) or _PLACE_NAMED_KIND.match(text, end):
        return ""  # 青柳公路项目, 布政安置房项目: a road or resettlement is named by its places
    if len(word) == 2 and set(word) <= words("enterprise_province_shorts.txt"):
        return ""  # 闽宁产业园, 沪滇协作产业园: a cooperation of two provinces
    if word in words("product_heads.txt"):
        return ""  # 粽叶基地, 茶叶基地: the produce grown there, no trade name
    if _FIGURE_BEFORE.search(text, max(0, project.start - 8), project.start):
        return ""  # 引进150亩食药两用玉竹种植基地: a figure describes what follows, no trade name
    if _PLACE_TRADE.search(word):
        return ""  # 云栖谷文旅综合体: a valley's tourism, named by the place
    trade = TRADE.search(word)
    if trade and trade.start() < _MIN:
        return ""  # 锂电池负极材料项目: a product, no trade name before its trade word
    return word if word[-1] not in _GEOGRAPHIC else ""


def _glued_function(word: str) -> bool:
    """以大, 沟及, 新上: two characters jieba left unjoined, opening with a preposition or ending
    with a conjunction or direction word, are a phrase's pieces, no name."""
    tags = jieba_tags()
    return len(word) == 2 and (tags.get(word[0]) == "p" or tags.get(word[1]) in ("c", "f", "p", "u"))


def trades_only(name: str) -> bool:
    """智能制造, 生物医药, 新材料: one trade word or several in a row name an industry, no company."""
    if not name:
        return True
    return any(name.startswith(w) and trades_only(name[len(w) :]) for w in _TRADES_LONGEST if len(w) <= len(name))


def looks_like_brand(word: str) -> bool:
    """Not a place (…区, …路, …湖), not a person's name, and not a verb phrase (大力开展,
    城镇建管: a company's name ends in a noun; 华瑞检测 opens with a name word)."""
    if word[-1] in _GEOGRAPHIC or (word[0] in words("surnames.txt") and len(word) == 3):
        return False
    if word.endswith("型"):
        return False  # 链主型, 税源型: a type of company, no name
    if word.startswith(tuple(words("enterprise_not_brands.txt"))):
        return False  # 智慧渔业: a kind of industry
    tags = jieba_tags()
    tail = tags.get(word[-2:]) if len(word) >= 4 and not TRADE.search(word) else None  # 六一节能: a trade
    return not (tail in ("v", "vn", "vd") and tags.get(word[:2]) not in (None, "nz", "nr", "nrt", "nt"))


def _listed(text: str, token_list: list[int], starts: set[int], taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for m in _LISTED.finditer(text):
        pos = m.start(1)
        if m.group().startswith("落户") and re.match(r"[^、，,]*[，,]", m.group(1)):
            continue  # 将该项目落户大伦，…: where it settles, no list of companies
        if _PLACE_LIST_END.search(m.group(1)):
            continue  # 引进东坪、西岭等地客商: a list of places
        for raw in re.split(r"[、，,]", m.group(1)):
            a, pos = pos, pos + len(raw) + 1
            head = _COUNT.split(raw.split("等")[0])[0]
            if head == raw and _KIND_END.search(raw):
                continue  # 走访规上企业: a kind of company, no name
            item = _ITEM_TAIL.sub("", head)  # 青禾等文旅企业, 青禾两个亿元项目 -> 青禾
            quoted = len(item) > 2 and item[0] == "“" and item[-1] == "”"  # 引进“青禾院线”
            if quoted:
                item, a = item[1:-1], a + 1
            elif (b := _unglued(text, token_list, a)) > a:  # 服务好/美智达
                item, a = item[b - a :], b
            if not 2 <= len(item) <= 6 or not _CJK.fullmatch(item) or not (quoted or a in starts) or _NOT_COMPANY.search(item) or any(x <= a < y for x, y in taken):
                continue
            k = bisect_right(token_list, a)
            first = item[: token_list[k] - a] if k < len(token_list) else item
            if first in words("function_words.txt") or _SUBJECT_VERB.search(item):
                continue  # …，与云舟签约: a clause, no item of the list
            if first in words("construction_verbs.txt"):
                continue  # 引进企业1家，续建项目3家: what is done, no name
            if not quoted and (trades_only(item) or item in words("generic_enterprises.txt")):
                continue  # 新签约智能制造、生物医药等项目: industries, no names
            phase = _PHASE_ITEM.fullmatch(item)  # 引进青禾生物、远舟二期: the second phase of 远舟's project
            name = phase.group(1) if phase else item
            if looks_like_brand(item if phase else name) and (quoted or TRADE.search(name) or has_proper_part(name, token_list, a, first_only=True)):
                found.append(Mention(a, a + len(name), "Enterprise", name))
                if phase:
                    found.append(Mention(a, a + len(item), "Project", item))
    return found


# 走访美智达、华屹、云岚，…: a 、-list right after a verb of serving companies, closed by a clause
# end, is a list of companies where every item looks like one (走访困难群众、老党员 is none)
_SERVED = re.compile(r"(?:走访|服务|对接|帮扶|包联|支持|协调)(?:好|了)?((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})(?=[，。；,;])")


def _served(text: str, token_list: list[int], taken: list[tuple[int, int]]) -> list[Mention]:
    tags = jieba_tags()
    found = []
    for m in _SERVED.finditer(text):
        items, pos = [], m.start(1)
        for item in m.group(1).split("、"):
            items.append((pos, item))
            pos += len(item) + 1
        k = [bisect_right(token_list, a) for a, _ in items]
        firsts = [item[: token_list[i] - a] if i < len(token_list) else item for (a, item), i in zip(items, k, strict=True)]
        if all(
            a in token_list
            and looks_like_brand(item)
            and not _NOT_COMPANY.search(item)
            and not any(x <= a < y for x, y in taken)
            and (TRADE.search(item) or (len(first) >= 2 and tags.get(first) in (None, "nz", "nt")))
            for (a, item), first in zip(items, firsts, strict=True)
        ):
            found.extend(Mention(a, a + len(item), "Enterprise", item) for a, item in items)
    return found


# 青禾、远帆等存量项目: short names closing a list of projects are the companies behind them
# (searched back from its closing words, so the scan stays linear)
_PROJECT_LIST_END = re.compile(rf"等(?:[\d一二三四五六七八九十]+个)?(?:{alternation('project_list_qualifiers.txt')})+项目")
_PROJECT_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)*[\u4e00-\u9fff]{2,6})$")
_LIST_REACH = 80
_PREPOSITIONS = frozenset("以在对将把被向从由为与和及")
_PROJECT_WORD = re.compile(alternation("project_list_words.txt"))


def _project_owners(doc: Doc, text: str, starts: list[int], places: list[Mention]) -> list[Mention]:
    found = []
    tags = jieba_tags()
    for i, a, b in closed_list_items(text, _PROJECT_LIST_END, _PROJECT_LIST, _LIST_REACH):
        if i == 0:  # 以远帆: the name starts where the words of a name start
            a = max(a, extend_left(doc, b, 4, NON_NAME_TAGS))
            if text[a] in _PREPOSITIONS and b - a >= 3:
                a += 1
        name = text[a:b]
        if not 2 <= len(name) <= 6 or _PROJECT_WORD.search(name) or any(p.start <= a < p.end for p in places):
            continue
        lo, hi = bisect_right(starts, a - 1), bisect_right(starts, b - 1)
        cuts = sorted({a, *starts[lo:hi], b})
        words_in = [text[x:y] for x, y in zip(cuts, cuts[1:], strict=False)]
        first_tag = tags.get(words_in[0])
        if len(words_in[0]) < 2 or first_tag not in (None, "nz", "nt", "nr") or not looks_like_brand(words_in[0]):
            continue
        if len(name) > 4 and not TRADE.search(name):  # 北辰新能源: a longer name ends in a trade
            continue
        if (first_tag != "nr" and all(tags.get(w) in _BRAND_TAGS for w in words_in)) or TRADE.search(name):
            found.append(Mention(a, b, "Enterprise", name))
    return found


# 远舟、青禾光电等龙头企业 / 远舟、青禾两家农业企业: the items of a list closed by 等…企业 (or a
# count of 家 before 企业) are companies (searched back from the closing words, so the scan stays linear)
_COMPANY_LIST_END = re.compile(
    r"(?:等|(?=[\d一二两三四五六七八九十]+家))(?:[\d一二两三四五六七八九十]+家)?"
    r"(?:一批|一系列)?(?:(?!项目|工程)[\u4e00-\u9fff]){0,10}?(?:企业|企(?![划图])|公司|厂家|商家|品牌)"
)
_AREA_END = re.compile(r".*[园区村镇乡县市]")  # greedy: the last area word before the name
_COMPANY_LIST = re.compile(r"((?:“?[\u4e00-\u9fffA-Za-z\d]{2,8}”?、)+“?[\u4e00-\u9fffA-Za-z\d]{2,8}”?)$")  # also 3M


def _unglued(text: str, starts: list[int], a: int) -> int:
    """Where a name starts whose first word is a lead character, alone or glued by jieba to the
    name (服务好/美智达, 有宏川/塑业, 服务好云帆/新材料: data/enterprise_leads.txt): one character
    on, else `a`."""
    k = bisect_right(starts, a)
    word = text[a : starts[k]] if k < len(starts) else ""
    glued = len(word) == 3 and jieba_tags().get(word) is None
    return a + 1 if (glued or len(word) == 1) and word[:1] in words("enterprise_leads.txt") else a


_LIST_LEAD = re.compile(alternation("enterprise_list_leads.txt"))


def _listed_companies(doc: Doc, text: str, places: list[Mention], named: list[tuple[int, int]]) -> list[Mention]:
    found = []
    starts = token_starts(doc)
    for i, a, b in closed_list_items(text, _COMPANY_LIST_END, _COMPANY_LIST, _LIST_REACH):
        quoted = text[a] == "“"
        a, b = a + quoted, b - (text[b - 1] == "”")
        if i == 0 and not quoted:  # 建材工业园天欣: the first item starts where the words of a name start
            a = _unglued(text, starts, max(a, extend_left(doc, b, 6, NON_NAME_TAGS, allow_latin=True)))
            inside = _AREA_END.search(text, a, b - 2)
            a = inside.end() if inside else a
            lead = _LIST_LEAD.match(text, a, b - 2)
            a = lead.end() if lead else a
        name = text[a:b]
        if name.isdigit():
            continue
        if not 2 <= len(name) <= 8 or _NOT_COMPANY.search(name) or any(p.start <= a < p.end for p in places):
            continue
        if any(x < b and a < y for x, y in named):
            continue  # 山东寿光蔬菜种业集团、…等企业: the item is a name found in full
        if looks_like_brand(name) and name not in words("generic_enterprises.txt") and not trades_only(name):
            found.append(Mention(a, b, "Enterprise", name))
    return found


# 宏川塑业与…达成合作, 推动青禾药业…: a trade name standing alone — a word jieba does not know
# (or tags as a name) and a trade word, between word boundaries
_AFTER_NAME = re.compile(rf"[、，。；：,;:（(“”\s]|{alternation('enterprise_after_name.txt')}|$")


_INDUSTRY_LIST_END = re.compile(r"等[\u4e00-\u9fff]{0,4}产业")
_FIGURE_END = re.compile(r"[\d万千百吨台套件只片瓦]$")
_NAME_STOP = re.compile(rf"{_AFTER_NAME.pattern}|\d|年产")  # … or a figure (微澜12英寸…项目)


_CONTEXT_VERB = re.compile(f"(?:{alternation('enterprise_context_verbs.txt')})$")


def _after_trade_name(text: str, start: int) -> bool:
    """The word at `start` follows a 、 closing a trade name (青禾生物、…)."""
    return text[start - 1 : start] == "、" and TRADE.search(text, max(0, start - 8), start - 1) is not None


_ITEM_OPEN = frozenset("、，,。；;：:（(“\n和与及是")  # 是 of 一是…


def _region_before(text: str, starts: list[int], start: int) -> int:
    """…、福建晋江恒兴食品、…: the regions written right before a trade name, where a list item
    or clause opens with them (or a verb serving firms stands before them), are part of its name."""
    k = bisect_right(starts, start - 1) - 1
    pos = start
    while k >= 0 and jieba_tags().get(text[starts[k] : pos]) == "ns" and pos - starts[k] >= 2:
        pos, k = starts[k], k - 1
    opens = pos == 0 or text[pos - 1] in _ITEM_OPEN or _CONTEXT_VERB.search(text, max(0, pos - 2), pos) is not None
    return pos if pos < start and opens else start


def _trade_names(text: str, starts: list[int], taken: list[tuple[int, int]]) -> list[Mention]:
    tags = jieba_tags()
    found = []
    at = set(starts)
    for m in TRADE_WORD.finditer(text):
        a = m.start()
        if a not in at and a - 1 in at and text[a - 1] == "新":
            a -= 1  # 拓源/新能源: jieba glued 新 to the trade word
        k = bisect_right(starts, a - 1) - 1
        if a not in at or k < 0:
            continue
        # a name stops before 、/项目/签约 …; the last of a 、-list of trade names also before any
        # verb (青禾生物、远舟光伏整改), and one after a verb serving companies (依托青禾食品提升…)
        if not _AFTER_NAME.match(text, m.end()) and not _after_trade_name(text, starts[k]) and not _CONTEXT_VERB.search(text, max(0, starts[k] - 2), starts[k]):
            continue
        if _FIGURE_END.search(text, max(0, starts[k] - 1), starts[k]):
            continue  # 年产5万吨锂电材料: a product after its figure
        if _INDUSTRY_LIST_END.match(text, m.end()):
            continue  # 推动青石茶业、白沙果业等产业发展: a place's industry
        start = _unglued(text, starts, starts[k])
        first = text[start:a]
        if not 2 <= len(first) <= 3 or not _CJK.fullmatch(first) or tags.get(first) not in (None, "nz", "nr", "nrt", "nt"):
            continue
        if first in words("function_words.txt"):
            continue  # 一是农业生产: a clause's number, no name
        if any(x < m.end() and start < y for x, y in taken) or not looks_like_brand(first) or TRADE_WORD.fullmatch(first):
            continue  # 以天源药业有限公司: the trade name opens a name found in full
        start = _region_before(text, starts, start)
        found.append(Mention(start, m.end(), "Enterprise", text[start : m.end()]))
    return found


# 远舟光电成功落户, 青禾物流正式投产, 与青禾签约: a short name opening a clause (or after 与 opening
# it) before an investment verb
# (searched back from the verb, so the scan stays linear)
_SUBJECT_VERB = guarded("成正顺已签落入投开竣达", r"(?:成功|正式|顺利|已)?(?:签约|签订|签署|达成|落户|入驻|投产|开工|竣工投产|落地)")
_SUBJECT = re.compile(r"(?:^|(?<=[，。；,;\n、]))与?([\u4e00-\u9fff]{2,6}?)$", re.M)  # also 与青禾签约


def _subjects(text: str, starts: list[int], places: list[Mention]) -> list[Mention]:
    found = []
    tags = jieba_tags()
    for verb in _SUBJECT_VERB.finditer(text):
        m = _SUBJECT.search(text, max(0, verb.start() - 7), verb.start())
        if m is None:
            continue
        a, b = m.span(1)
        name = m.group(1)
        if _NOT_COMPANY.search(name) or _PROJECT_WORD.search(name) or any(p.start <= a < p.end for p in places):
            continue
        lo, hi = bisect_right(starts, a - 1), bisect_right(starts, b - 1)
        if lo == len(starts) or starts[lo] != a:
            continue  # 与此同时签约: 与 is part of a word, no preposition before a name
        cuts = sorted({a, *starts[lo:hi], b})
        pieces = [text[x:y] for x, y in zip(cuts, cuts[1:], strict=False)]
        first = pieces[0]
        if len(first) < 2 or tags.get(first) not in (None, "nz", "nt") or not looks_like_brand(first):
            continue
        if first in words("function_words.txt"):
            continue  # 一是签约…: a clause's number, no name
        if TRADE.search(name) or all(tags.get(w) in _BRAND_TAGS for w in pieces):
            found.append(Mention(a, b, "Enterprise", name))
    return found


# 引进“星海影城”落户: a quoted name right after 引进/签约/招引 is the company brought in (not
# 引进“专精特新”企业: a noun after the quote makes it a kind)
_QUOTED_IN = re.compile(r"(?:引进|签约|招引)了?“([\u4e00-\u9fffA-Za-z]{2,8})”(?=[，。；、,;]|落户|入驻|签约|等|$)", re.M)


def _quoted_in(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for m in _QUOTED_IN.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        if name.endswith(tuple(words("product_heads.txt"))):
            continue  # 引进“溪口红茶”等特色产品企业: a product, no company
        if looks_like_brand(name) and not _NOT_COMPANY.search(name) and not _PROJECT_WORD.search(name) and not any(x <= a < y for x, y in taken):
            found.append(Mention(a, b, "Enterprise", name))
    return found


# 青禾年产10万吨…项目, 、远帆通用年产5万套…: a short name opening a clause or list item before 年产
_OUTPUT = re.compile(r"(?:^|(?<=[，。；,;\n、：:]))([\u4e00-\u9fff]{2,4})(?=年产[\d.一二三四五六七八九十百千万])", re.M)


def _producers(text: str, starts: list[int], places: list[Mention]) -> list[Mention]:
    found = []
    tags = jieba_tags()
    for m in _OUTPUT.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        k = bisect_right(starts, a) - 1
        first = text[a : starts[k + 1]] if k + 1 < len(starts) and starts[k] == a else ""
        if len(first) < 2 or tags.get(first) not in (None, "nz", "nt") or not looks_like_brand(name):
            continue
        if _NOT_COMPANY.search(name) or any(p.start <= a < p.end for p in places):
            continue
        found.append(Mention(a, b, "Enterprise", name))
    return found


_FARM_FORMS = ("合作社", "联合社", "家庭农场", "家庭牧场")
_PLACE_SUFFIXES = frozenset("村镇乡县市区省")
_PLACE_AFTER = re.compile(r"大道|大街|路|街|广场|公园|小区|社区|村|镇")


def _project_cap(size: int, brand: str, pos: int, starts: set[int]) -> int:
    """Inside a project's name the company is its trade name (远舟 of 远舟新能源汽车零件基地),
    but a name's last character jieba cut off as a word of its own stays (秦智/芯 of
    秦智芯功率…项目 for 秦智芯半导体; not 精 of 华信/精密…项目 for 华信精工)."""
    alone = size - len(brand) == 1 and pos + size in starts
    return size if alone else min(size, len(brand))


_TABLE_COLUMNS = words("enterprise_table_columns.txt")
_TABLE_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z()（）]{1,11}")


def _table_cells(text: str, token_list: list[int], taken: list[tuple[int, int]]) -> list[Mention]:
    """序号 企业名称 产值 / 1 云帆 5000: the cells of a column of companies are companies (that
    hold a name: not 社会资本 or 村集体 under 投资主体)."""
    found = []
    for row in column_rows(text, _TABLE_COLUMNS):
        for header, cell in row.items():
            name = cell.text
            if header not in _TABLE_COLUMNS or not _TABLE_NAME.fullmatch(name) or any(a <= cell.start < b for a, b in taken):
                continue
            if is_masked(name) or _NOT_COMPANY.search(name) or name in words("generic_enterprises.txt"):
                continue
            if not (has_proper_part(name, token_list, cell.start) or TRADE.search(name) or name.isascii()):
                continue
            found.append(Mention(cell.start, cell.end, "Enterprise", name.replace("（", "(").replace("）", ")")))
    return found


@Language.component("govkg_brands", requires=["doc._.mentions"], assigns=["doc._.mentions"])
def brands(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    token_list = token_starts(doc)
    starts = set(token_list)
    listed = _listed(text, token_list, starts, [(m.start, m.end) for m in out if m.label != "Enterprise"])
    full_cores = [company_core(m.name) for m in out if m.label == "Enterprise"]
    places_found = [m for m in out if m.label in PLACE_LABELS]
    short = (
        _project_owners(doc, text, token_list, places_found)
        + _subjects(text, token_list, places_found)
        + _producers(text, token_list, places_found)
        + _quoted_in(text, [(m.start, m.end) for m in out])
        + _listed_companies(doc, text, places_found, [(m.start, m.end) for m in out if m.label == "Enterprise"])
        + _trade_names(text, token_list, [(m.start, m.end) for m in out if m.label != "Project"])
        + _table_cells(text, token_list, [(m.start, m.end) for m in out if m.label == "Enterprise"])
        + _served(text, token_list, [(m.start, m.end) for m in out if m.label != "Enterprise"])
    )
    # a short name of a company the report names in full is that company
    listed += [m for m in short if not any(c.startswith(m.name) for c in full_cores)]
    owned = {(m.start, m.end) for m in listed}
    out[:] = [m for m in out if not (m.label == "Project" and (m.start, m.end) in owned)]
    out.extend(listed)
    companies = [m for m in out if m.label == "Enterprise"]
    covered = [(m.start, m.end) for m in out if m.label not in ("Project", "Honour")]
    place_heads = {m.name[:2] for m in out if m.label in PLACE_LABELS}
    cores = [company_core(c.name) for c in companies]
    project_brands = {}  # project start -> the trade name opening it
    for project in [m for m in out if m.label == "Project"]:
        word = _project_brand(text, token_list, project)
        if word:
            project_brands[project.start] = word
        if not _BRANDED_HEAD.search(project.name) and not (len(word) > 3 and TRADE.search(word)):
            continue  # 青禾食品冷链物流中心: a trade name opens it, whatever its head
        # a company named in full whose name opens like the project's (瑞科机械 before 瑞科陶瓷机械…项目)
        # is its owner: its short name is found below, not the project's opening words
        if word and word[:2] not in place_heads and not any(c.startswith(word[:2]) for c in cores):
            companies.append(Mention(project.start, project.start + len(word), "Enterprise", word))
    places = [m.name for m in out if m.label in PLACE_LABELS]
    seen: set[str] = set()
    for company in companies:
        if company.name.endswith(_FARM_FORMS):
            continue  # 鹿鸣猕猴桃 of 鹿鸣猕猴桃专业合作社 used alone names the produce
        head = company_core(company.name) if legal_form(company.name) else company.name
        if not has_proper_part(head, [], 0, first_only=True) and not has_proper_part(head[:2], [], 0):
            continue
        if len(head) < _MIN or head in seen or any(p.startswith(head[:_MIN]) for p in places):
            continue
        if head[0] in _PLACE_SUFFIXES or head in words("generic_enterprises.txt"):
            continue  # 平顶山村集体经济股份合作社: the region was cut inside a village's name; 文旅 of 宜都市文旅集团 is a kind
        seen.add(head)
        pos = text.find(head[:_MIN])
        while pos >= 0:
            if pos in starts and not any(a <= pos < b for a, b in covered):
                size = _MIN
                while size < len(head) and text.startswith(head[: size + 1], pos):
                    size += 1
                size = _project_cap(size, project_brands.get(pos, head), pos, starts)
                if text.startswith("牌", pos + size):
                    pos = text.find(head[:_MIN], pos + 1)
                    continue  # 启能牌断路器: a product's mark
                # 新时代 holds 时代 of 星河院线, 北方物流 holds 北方 of 北方信达: a part of a name that
                # is a common word (not a name to jieba) is used alone only where the name stops
                # (…followed by 、, 项目, 签约 …); a short name is used whole
                if size < len(head) and head[:size] in words("product_heads.txt"):
                    pos = text.find(head[:_MIN], pos + 1)
                    continue  # 粽叶 of 湖南桑植粽叶实业有限公司: the produce, no short name
                part = size < len(head) and pos not in project_brands
                common = jieba_tags().get(head[:size]) not in (None, "nz", "nt", "nr", "nrt") and not TRADE.search(head[:size])
                # a part ending like a place or before a road's head names the place (雁鸣岛, 玉澜大道)
                place = size < len(head) and (head[size - 1] in _GEOGRAPHIC or _PLACE_AFTER.match(text, pos + size))
                if place or (part and (not legal_form(company.name) or (common and not _NAME_STOP.match(text, pos + size)))):
                    pos = text.find(head[:_MIN], pos + 1)
                    continue
                out.append(Mention(pos, pos + size, "Enterprise", head[:size]))
            pos = text.find(head[:_MIN], pos + 1)
    return doc
