"""Sub-districts, villages and communities by their suffix (街道/镇/乡/街, 村/股经社/湾组, 社区).

The stem left of the suffix is cut on jieba tokens (see boundaries.py) and
checked against generic words (示范村, 城镇, 各社区). Lists that share one
suffix (石桥、柳塘、新田等村) give each member the suffix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, extend_left, token_starts
from extract.nlp.gazetteer import FAR, NEAR, NONE, OWN, gazetteer
from extract.nlp.lexicon import NON_NAME_TAGS, alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import is_masked, longest_first
from extract.patterns import matches_in_runs

# suffixes come from data/village_suffixes.txt and data/township_suffixes.txt; here only
# where one is no suffix (村级, 屯田, 镇级, 乡村, 国家农场): (lookbehind, lookahead)
_CONTEXT = {
    "村": ("", "(?![规务落寨居庄级镇屯])"),  # 村镇 (文明村镇, 村镇银行), 村屯 are words
    "屯": ("", "(?![田兵垦驻积粮级村])"),  # 屯级道路: the level, not a suffix; 某屯村: the village
    "镇": ("", "(?!级)"),
    "乡": ("", "(?![村镇贤土愁情亲间音里级])"),
    "农场": ("(?<![国家集体])", ""),
    # a natural or central village only under its village (柳湾村下坝自然村), not 撤并自然村
    "自然村": (_UNDER_VILLAGE := r"(?:(?<=村[\u4e00-\u9fff]{2})|(?<=村[\u4e00-\u9fff]{3}))", ""),
    "中心村": (_UNDER_VILLAGE, ""),
}
_SUFFIX = re.compile(
    "|".join([
        "社区",
        *map(re.escape, longest_first("place_community_suffixes.txt")),
        *(
            _CONTEXT.get(s, ("", ""))[0] + re.escape(s) + _CONTEXT.get(s, ("", ""))[1]
            for s in longest_first("village_suffixes.txt") + longest_first("township_suffixes.txt")
        ),
        "家[\u4e00-\u9fff]?湾(?![村社组区])",
    ])
)
_MAX_STEM = {"Community": 6, "Subdistrict": 3, "Village": 5}
# 石桥、柳塘等村; 石桥、柳塘、新田3个行政村, 石桥和柳塘两村 (a list closed by its count shares
# the suffix too); 石桥、柳塘等周边村 (a word for the kind of village between: data/place_list_qualifiers.txt)
_COUNT = "(?:[\\d一二两三四五六七八九十]+个|两)"
_NUMERALS = "一二三四五六七八九十"
# 竹溪、上舍三村 closes a list by its bare count only where that is the number of members none
# of which has the suffix: 红星一村、胜利三村 are names with numbers
_MEMBER = "(?:(?!等)[\u4e00-\u9fff]){2,5}"
_LIST_END = (
    f"(?:等(?:{_COUNT})?(?:{alternation('place_list_qualifiers.txt')})?|{_COUNT}(?:行政)?|(?P<bare>[{_NUMERALS}]))"
    f"(?P<suffix>社区|{'|'.join(map(re.escape, longest_first('village_suffixes.txt')))}|组)"
)  # 组 only for the groups of a village written before them: 冰岛村地界、坝歪等组
_LIST = re.compile(f"(?P<head>(?:{_MEMBER}、)*{_MEMBER})[、和与及](?P<last>{_MEMBER})" + _LIST_END)
# the characters a list can hold (Chinese, 、, the digits of its count), and what closes it:
# _LIST is sought only in the runs of them that hold its closing count or 等 and suffix
_LIST_CHARS = "\u4e00-\u9fff、\\d"
_LIST_CLOSE = re.compile(_LIST_END)
# cut a stem after a joint (枫林村至龙潭村), an earlier place (新民村桂花湾组), a leading
# preposition (以茶山村) or a verb phrase jieba kept whole (全面推行村)
_JOINT = re.compile(r"[至到和与及村镇乡省县区]|(?<!城)市|社区|街道")  # 城市 of 城市花园 is no city's suffix
_LEADING = re.compile(r"[以在对将把被向从由为请]")
# an amount, then a preposition jieba glued to the name (投资130万元对北陈社区): the name follows it
_FIGURE_THEN = re.compile(r"(?:[\d%％]|[万亿千百]?元|万|亿)[以在对将把被向从由为给]")
# a place before one more character and the suffix: 石桥村旧村, 北片区旧村, 石桥村通村公路
# hold a common word (旧村, 通村), not a second place; 湾组 names are one character (石桥村大湾组)
_PLACE_JOINT = re.compile(r"[村镇乡区]|社区|街道")


def _table_member_start(text: str, start: int, end: int, suffix: str, place: tuple[str, str, str, str]) -> int:
    """Where a list's first member begins when the division table knows a longer name of the
    report's own province or city ending there (东郭中村 where jieba cut 以东/郭中)."""
    table = gazetteer()
    for begin in range(max(0, end - 4), start):
        if _CJK_NAME.fullmatch(text[begin:end]) and table.scope(text[begin:end] + suffix, *place) >= NEAR:
            return begin
    return start


# 柳湾、枫林村: members without the suffix before the one written with it
_BARE_MATES = re.compile(f"((?:{_MEMBER}、)+)(?={_MEMBER}(村|社区))")
# sought only in the runs of Chinese and 、 that hold a last member after its 、
_BARE_MATES_CHARS = "\u4e00-\u9fff、"
_BARE_MATES_LAST = re.compile(f"、{_MEMBER}(?:村|社区)")


def _place_word(word: str) -> bool:
    """A word of two or three characters jieba does not know or tags a place name (柳湾, 云帆)."""
    return 2 <= len(word) <= 3 and _CJK_NAME.fullmatch(word) is not None and jieba_tags().get(word) in (None, "ns")


def _lexical_member_start(text: str, starts: list[int], start: int, end: int, first: bool) -> int:
    """Where a bare list member begins by the words alone: the whole member a place word, or
    for the first member one after a verb or preposition it follows (完成/柳湾、); -1 if none."""
    tags = jieba_tags()
    for b in range(start, end - 1):
        if not _place_word(text[b:end]) or (b > start and not first):
            continue
        lead = text[start:b]
        i = bisect_left(starts, b)
        if i >= len(starts) or starts[i] != b:
            continue
        head = text[b : starts[i + 1]] if i + 1 < len(starts) else text[b:end]
        if tags.get(head) in _VERBISH | {"p"} or head in words("function_words.txt"):
            continue  # 到/湖南: a verb or preposition opens it, the place follows
        if b == start or tags.get(lead) in _VERBISH | {"p"} or lead in words("function_words.txt"):
            return b
    return -1


def _bare_mates(text: str, place: tuple[str, str, str, str], out: list[Mention], starts: list[int]) -> None:
    """Members of 柳湾、枫林村 written without the suffix the last one has, where that one is a
    place found and the division table knows them with it in the report's own province or city
    (建设、管理村务 is no list of places; 公园、工程 are villages somewhere), or where the last
    one and every member are words jieba knows only as places or not at all (柳湾、石桥村)."""
    table = gazetteer()
    found = {(x.start, x.end) for x in out if x.label in ("Village", "Community")}
    tags = jieba_tags()
    for m in matches_in_runs(_BARE_MATES, _BARE_MATES_LAST, _BARE_MATES_CHARS, text):
        suffix = m.group(2)
        if (m.end(1), m.end(2)) not in found:
            continue
        label = "Community" if suffix == "社区" else "Village"
        pos = m.start(1)
        for i, member in enumerate(m.group(1).split("、")[:-1]):
            start, end = pos, pos + len(member)
            pos = end + 1
            start = next((b for b in range(start, end - 1) if table.scope(text[b:end] + suffix, *place) >= NEAR), -1)
            if start < 0 and _place_word(text[m.end(1) : m.start(2)]):
                start = _lexical_member_start(text, starts, end - len(member), end, first=i == 0)
            if start > end - len(member) and (i > 0 or tags.get(text[end - len(member) : start]) not in _VERBISH | {"p"}):
                continue  # 口袋公园、祖堂社区: a word ending like a place, not the first member after a verb (推进柳湾、)
            name = text[start:end] + suffix
            if start >= 0 and (start, end) not in found and tags.get(text[start:end]) not in _VERBISH and is_place_name(name, text[start:end]):
                out.append(Mention(start, end, label, name))


# a member of a list of villages or communities: 、建春村、 (its stem a verb jieba knows)
_LISTED = re.compile(r"(?<=、)([\u4e00-\u9fff]{2,5}?)(村|社区|嘎查)(?=[、和及与等，,。；;“”\s（(]|$)")


def _unknown_head(head: str) -> bool:
    """Characters before a name found that make no word jieba knows or only a rare one (浩特艾里嘎查
    holds 艾里嘎查): part of one longer transliterated name."""
    import jieba

    jieba.initialize()  # a no-op once the tokenizer has loaded the dictionary
    marks = words("function_words.txt") | words("place_prefix_marks.txt")
    return len(head) >= 2 and (jieba.get_FREQ(head) or 0) < 20 and not any(head.startswith(w) for w in marks)


def _listed_between_places(text: str, out: list[Mention]) -> None:
    """A village or community in a list of them whose stem is a verb or a kind (社头村、东浦村、
    建春村, 某某嘎查、建设村、某某村): a place where the member before it and one more
    beside it (the next, or the one before that) are places found."""
    places = {(x.start, x.end) for x in out if x.label in ("Village", "Community")}
    ends = {b: a for a, b in places}
    starts = {a for a, _ in places}
    for m in _LISTED.finditer(text):
        start, end = m.start(), m.end()
        if (start, end) in places or start - 1 not in ends or ends.get(end, end) < start:
            continue
        if end in ends and not _unknown_head(text[start : ends[end]]):
            continue  # 、原石桥村: a mark or a word before the place found, not one longer name
        before = ends[start - 1]
        beside = (text[end : end + 1] == "、" and end + 1 in starts) or (text[before - 1 : before] == "、" and before - 1 in ends)
        name = m.group()
        if beside and is_place_name(name, m.group(1)) and name not in words("generic_places.txt"):
            if end in ends:  # 浩特/艾里嘎查: the tail found alone gives way to the whole member
                out[:] = [x for x in out if not (x.end == end and x.start > start and x.label in ("Village", "Community"))]
            out.append(Mention(start, end, "Community" if m.group(2) == "社区" else "Village", name))
            places.add((start, end))
            ends[end] = start
            starts.add(start)


_NEWLINE = re.compile("\n")
_LINE_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
_WRAP_MIN_LINE = 12  # a shorter line may be a title that ends without punctuation


def _names_across_lines(text: str, place: tuple[str, str, str, str], out: list[Mention]) -> None:
    """A village or community the table knows in the report's own province or city, broken by a
    line the PDF layer wrapped inside it (柳\n湾村, 柳湾\n村): the line before runs on."""
    found = {(x.start, x.end) for x in out}
    line_start = 0
    for brk in [m.start() for m in _NEWLINE.finditer(text)]:
        line = text[line_start:brk]
        line_start = brk + 1
        if len(line) < _WRAP_MIN_LINE or _LINE_HEADING.match(line) or not _CJK_NAME.match(line[-1]) or not _CJK_NAME.match(text[brk + 1 : brk + 2]):
            continue
        for tail in range(min(6, len(line)), 0, -1):
            head = _wrapped_name_head(text, brk, tail, place)
            name = text[brk - tail : brk] + text[brk + 1 : brk + 1 + head]
            stem = name.removesuffix("社区").removesuffix("村")
            if head and jieba_tags().get(stem) in _VERBISH:
                break  # 资金上升\n村道: a verb before a word opened by the suffix
            if head and (brk - tail, brk + 1 + head) not in found and is_place_name(name, stem):
                out.append(Mention(brk - tail, brk + 1 + head, "Community" if name.endswith("社区") else "Village", name))
                break


_HAN_GAP = re.compile("[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")
# 柳 湾 村, 南川 社区: an OCR or PDF layer's spaces inside a name
_SPACED = re.compile("(?:[\u4e00-\u9fff][ \u3000]?){1,6}[\u4e00-\u9fff][ \u3000]?(?:村|社[ \u3000]?区)")


def _spaced_names(text: str, place: tuple[str, str, str, str], out: list[Mention]) -> None:
    """A village or community of the report's own province or city written with spaces inside
    (柳 湾 村): the longest name the table knows ending at the suffix, spaces dropped."""
    if not _HAN_GAP.search(text):
        return  # no space between two characters anywhere: nothing to look at
    for m in _SPACED.finditer(text):
        if " " not in m.group() and "\u3000" not in m.group():
            continue
        for start in range(m.start(), m.end() - 2):
            name = re.sub("[ \u3000]", "", text[start : m.end()])
            if name == text[start : m.end()] or text[start] in " \u3000" or len(name) < 3:
                continue  # no space inside: the suffix rules have seen it
            if jieba_tags().get(name.removesuffix("社区").removesuffix("村")) not in _VERBISH and gazetteer().scope(name, *place) >= NEAR:
                out.append(Mention(start, m.end(), "Community" if name.endswith("社区") else "Village", name))
                break


def _wrapped_name_head(text: str, brk: int, tail: int, place: tuple[str, str, str, str]) -> int:
    """How many characters after the line break complete a place name of the own province or
    city that the `tail` characters before it open; 0 if none."""
    for head in range(6, 0, -1):
        name = text[brk - tail : brk] + text[brk + 1 : brk + 1 + head]
        if name.endswith(("村", "社区")) and gazetteer().scope(name, *place) >= NEAR:
            return head
    return 0


def _list_members(m: re.Match[str]) -> list[tuple[int, int]]:
    """(start, end) of each member of a shared-suffix list: the 、-parts of its head, then the last."""
    spans = []
    pos = m.start("head")
    for member in m["head"].split("、"):
        spans.append((pos, pos + len(member)))
        pos += len(member) + 1
    return [*spans, (m.start("last"), m.end("last"))]


def place_then_one(text: str, start: int, stem_end: int) -> bool:
    """The stem is a place of two or more characters and then one character (石桥村旧)."""
    j = _PLACE_JOINT.search(text, max(start, stem_end - 4), stem_end)
    while j and j.end() < stem_end - 1:
        j = _PLACE_JOINT.search(text, j.end(), stem_end)
    return bool(j) and j.end() == stem_end - 1 and (j.start() > start or len(j.group()) > 1)


def trim_stem(text: str, start: int, stem_end: int) -> int:
    joints = [
        j.end() for j in _JOINT.finditer(text, start, stem_end)
        if stem_end - j.end() >= 2 and (j.group() not in "省市县区" or j.start() - start >= 2)
    ]  # a region's suffix only after a name of two characters: 江苏省|星级社区, but 城市花园社区
    figures = [f.end() for f in _FIGURE_THEN.finditer(text, start, stem_end) if stem_end - f.end() >= 2]
    if figures:
        start = figures[-1]
    elif joints:
        start = joints[-1]
    elif (_LEADING.match(text, start) or text[start] in words("place_prefix_marks.txt")) and stem_end - start >= 3:
        start += 1  # 以茶山村, 原柳湾村
    lead = _lead_word().match(text, start, stem_end)
    if lead and stem_end - lead.end() >= 2:
        start = lead.end()  # 共辖柳湾、石桥等村: the verb that opens the list
    verb = function_phrase().search(text, start, stem_end)
    while verb and stem_end - verb.end() >= 2:
        start = verb.end()
        verb = function_phrase().search(text, start, stem_end)
    return start


@lru_cache(maxsize=1)
def _lead_word() -> re.Pattern[str]:
    return re.compile(alternation("place_lead_words.txt"))


@lru_cache(maxsize=1)
def function_phrase() -> re.Pattern[str]:
    multi = sorted((w for w in words("function_words.txt") if len(w) > 1), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, multi)))

_VERBISH = frozenset({"v", "vn", "vd", "j", "l", "i", "d", "ad", "a", "t"})
_WHOLE = re.compile(alternation("whole_of_kind.txt"))
# 街 alone names a sub-district only when the report also writes it as one (X街道, X街党工委 ...).
_STREET_CONFIRM = ("街道", "街党", "街办", "街纪", "街人大", "街综治")


def _label(suffix: str) -> str:
    if suffix == "社区" or suffix in words("place_community_suffixes.txt"):
        return "Community"
    return "Subdistrict" if suffix in words("township_suffixes.txt") else "Village"


def _street_confirmed(text: str, stem: str) -> bool:
    return text.lstrip().startswith(stem + "街") or any(stem + tail in text for tail in _STREET_CONFIRM)


def is_place_name(name: str, stem: str) -> bool:
    """A stem of two or more characters that does not make a generic word with its suffix."""
    if len(stem) < 2 or is_masked(stem) or stem[-1] in "村镇乡区省市县等族两百千万" or _WHOLE.search(stem):
        return False  # 福建省社区 is 福建省 + a word, 石桥等村 a list, 苗族村 a kind of village
    if stem[-1] in _NUMERALS and not _numbered(stem):
        return False  # 第三村, 每一村; but 红星一村 is a name and its number
    if stem[0] == name[-1] and stem in jieba_tags():
        return False  # 村容村貌: a word opened by the suffix
    if "个" in stem or stem.endswith(("街道", "首个")):
        return False
    if stem in words("generic_place_stems.txt") or generic_tail(stem):
        return False
    if name in words("generic_places.txt") or stem[-1] in words("place_stem_stops.txt"):
        return False
    generic = words("generic_places.txt")
    tags = jieba_tags()
    if any(name[-k:] in generic and tags.get(name[:-k], "ns")[:2] not in ("ns", "nr", "nz") for k in range(3, min(len(name) - 1, 5) + 1)):
        return False  # 整治城中村: a common word and a generic word (石家咀城中村 may be a name)
    return not any(name[-k:] in generic for k in range(2, min(len(name), 5) + 1) if name[:-k] in ("各", "全", "本", "该"))


# what may not stand before a village's number: more figures, an ordinal, a count, a whole or a unit of
# time (第三村, 前三村, 各一村, 一月一村)
_NOT_BEFORE_NUMBER = frozenset("一二两三四五六七八九十百千万第等个每前后近几各全本该这那其多数某年月日周季次届")


def _numbered(stem: str) -> bool:
    """A name of two or more characters and its number (红星一村, 东风三村)."""
    base = stem[:-1]
    return len(base) >= 2 and base[-1] not in _NOT_BEFORE_NUMBER and not _WHOLE.search(base) and base not in words("generic_place_stems.txt")


def _number_base(text: str, starts: list[int], start: int) -> int:
    """Where a village's name begins when its stem is a number alone (三 of 胜利三村): the word
    before it, if jieba tags that a verbal noun (胜利, 团结) and it is no building verb; else `start`."""
    if text[start] not in _NUMERALS:
        return start
    i = bisect_left(starts, start)
    if i < 1 or i >= len(starts) or starts[i] != start:
        return start
    base = text[starts[i - 1] : start]
    if 2 <= len(base) <= 4 and jieba_tags().get(base) == "vn" and base not in words("construction_verbs.txt") and _numbered(base + "一"):
        return starts[i - 1]
    return start


def generic_tail(stem: str) -> bool:
    """A generic stem after a place or a level (江苏省星级, 青石国际化, 省级文明): a title, not a name."""
    return any(len(stem) > k and stem[-k:] in words("generic_place_stems.txt") for k in range(2, min(len(stem), 5) + 1))


_VERBS = frozenset({"v", "vn", "vd", "t"})  # for names the table knows: 复兴 (a) stays, 组织 (v) goes


def _verb_stem(stem: str, starts: list[int], offset: int, tags_out: frozenset[str] = _VERBISH) -> bool:
    """深化街道, 研究部署街道: a stem holding a verb or an abbreviation is no township name."""
    tags = jieba_tags()
    lo, hi = bisect_left(starts, offset), bisect_left(starts, offset + len(stem))
    cuts = [s - offset for s in starts[lo:hi]] + [len(stem)]
    if not cuts or cuts[0] != 0:
        cuts.insert(0, 0)
    return any(tags.get(stem[a:b]) in tags_out for a, b in zip(cuts, cuts[1:], strict=False) if b - a > 1)


_TABLE_REACH = 8  # the longest stem looked up in the table


def _table_name(text: str, end: int, label: str, place: tuple[str, str, str, str]) -> tuple[int, int]:
    """(start, fit) of the longest name ending at `end` that the division table holds
    for this label, graded by the report's place chain; (-1, NONE) when none."""
    table = gazetteer()
    names = table.towns if label == "Subdistrict" else table.villages
    province, city, district, town = place
    for start in range(max(0, end - _TABLE_REACH), end - 2):
        name = text[start:end]
        if name in names and _CJK_NAME.fullmatch(name):
            return start, table.scope(name, province, city, district, town)
    return -1, NONE


def _in_suffix_word(text: str, starts: list[int], stem_end: int) -> bool:
    """The suffix is the end of a common word jieba cut whole (乡村 in 和美乡村, 农村 in 和农村)."""
    i = bisect_left(starts, stem_end)
    if i < len(starts) and starts[i] == stem_end:
        return False
    word_start = starts[i - 1]
    word_end = starts[i] if i < len(starts) else len(text)
    return text[word_start:word_end] in words("place_suffix_words.txt")


def _name_prefix(text: str, starts: list[int], start: int, table_start: int) -> bool:
    """The characters the rules put before the table's name are one single-character word
    jieba does not know (曾 of 曾柳塘村), so they belong to the name."""
    return table_start - start == 1 and text[start] not in words("function_words.txt") and text[start] not in jieba_tags()


_PROPER_TAGS = frozenset({"n", "nr", "nz", "ns", "nrt"})


def _proper_words_before(text: str, starts: list[int], start: int, table_start: int) -> bool:
    """The rules' stem runs over whole words of two or more characters, all nouns or names and
    none generic, before the table's name (阳光 of 阳光花园社区, 锦绣 of 锦绣江南社区)."""
    if table_start - start < 2 or not _CJK_NAME.fullmatch(text[start:table_start]):
        return False
    lo, hi = bisect_left(starts, start), bisect_left(starts, table_start)
    if lo >= len(starts) or starts[lo] != start or hi >= len(starts) or starts[hi] != table_start:
        return False
    if start > 0 and _CJK_NAME.match(text[start - 1]) and lo > 0:
        before = text[starts[lo - 1] : start]
        if jieba_tags().get(before) not in NON_NAME_TAGS and before not in words("function_words.txt"):
            return False  # the rules stopped for length, not at a word that ends names (苏木所在地巴彦社区)
    cuts = [*starts[lo:hi], table_start]
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    return all(
        len(p) >= 2 and jieba_tags().get(p, "nz") in _PROPER_TAGS and p not in words("generic_place_stems.txt") and not _WHOLE.search(p)
        for p in pieces
    )  # a word jieba does not know (阜荣 of 阜荣东里社区) is a proper one


def _lone_char_before(text: str, starts: list[int], table_start: int) -> bool:
    """The character before the table's name is a word of its own to jieba, after a word
    of two or more, and no function word (前 of 发展/前/方庄/村, not 在 of 在方庄村)."""
    i = bisect_left(starts, table_start - 1)
    if 0 < i < len(starts) and starts[i - 1] == table_start - 2 and starts[i] == table_start and text[table_start - 2] in "村镇乡":
        char = text[table_start - 1]  # 王村乡/前方庄村 cut 王村/乡前/方庄/村
        return char not in words("function_words.txt") and jieba_tags().get(char, "n") in _NAME_PART_TAGS
    if table_start < 3 or i < 1 or i + 1 >= len(starts) or starts[i] != table_start - 1 or starts[i + 1] != table_start:
        return False
    char = text[table_start - 1]
    return (
        _CJK_NAME.match(char) is not None and char not in words("function_words.txt")
        and char not in _WHOLE_CHARS and char not in words("place_prefix_marks.txt") and jieba_tags().get(char, "n") in _NAME_PART_TAGS
        and (table_start - 1 - starts[i - 1] >= 2 or not _CJK_NAME.match(text[starts[i - 1]]))
    )


# a lone character that may open a name: a noun, a surname, a place, a direction, an adjective
# (雷, 王, 前, 大), not a verb, preposition or adverb (赴石桥村, 跟石桥村, 又石桥村)
_NAME_PART_TAGS = frozenset({"n", "nr", "ns", "nz", "f", "a", "s", "ng", "q"})
_WHOLE_CHARS = frozenset("各全本该每这那某个村镇乡区县市省的了和与及或等")


def _at_word_start(text: str, starts: list[int], offset: int) -> bool:
    if offset == 0 or not _CJK_NAME.match(text[offset - 1]):
        return True
    i = bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]+")
_ROAD = re.compile(r"(?:公|道|油|水泥|硬化)?路|道路|硬化")
# a level, a region or an opening quote before a generic stem makes it a title (省级平安街道, 南京市平安街道)
_TITLE_BEFORE = re.compile(r"[级省市县区州“\"]")


def _after_title_word(text: str, offset: int) -> bool:
    return offset > 0 and bool(_TITLE_BEFORE.match(text, offset - 1))


def _long_after_function(text: str, table_start: int, stem_end: int) -> bool:
    """A table name of four or more characters before its suffix right after a function
    character jieba glued to the word before (北与索/博日/嘎/镇), or any after the joint of
    a range (至上/都镇): its edge is right."""
    if table_start > 0 and text[table_start - 1] in "至到":
        return True  # 那日图至上都镇 cut 至上/都镇: a range's end after its joint
    return stem_end - table_start >= 4 and table_start > 0 and text[table_start - 1] in words("function_words.txt")


def _unknown_words_before(text: str, starts: list[int], start: int, table_start: int) -> bool:
    """The rules' stem runs over words of two or more characters jieba does not know before
    the table's name (查干 of 查干宝力格村): one transliterated name, not a word and a place."""
    if not 2 <= table_start - start <= 4 or not _CJK_NAME.fullmatch(text[start:table_start]):
        return False
    lo, hi = bisect_left(starts, start), bisect_left(starts, table_start)
    if lo >= len(starts) or starts[lo] != start or hi >= len(starts) or starts[hi] != table_start:
        return False
    cuts = [*starts[lo:hi], table_start]
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    return all(len(p) >= 2 and p not in jieba_tags() and p not in words("function_words.txt") for p in pieces)


def _village_communities(text: str, out: list[Mention]) -> list[Mention]:
    """A community named by its estate or by the village it grew from (四方新村社区, 柳湾村社区):
    the village found and the 社区 written right after it are one community."""
    merged = []
    for v in out:
        facility = text.startswith(tuple(words("place_community_facilities.txt")), v.end + 2)
        if v.label == "Village" and v.name.endswith("村") and text.startswith("社区", v.end) and not facility:
            merged.append((v, Mention(v.start, v.end + 2, "Community", text[v.start : v.end + 2])))
    if not merged:
        return out
    drop = {(v.start, v.end) for v, _ in merged}
    ends = {c.end for _, c in merged}
    kept = [x for x in out if (x.start, x.end) not in drop and not (x.label == "Community" and x.end in ends)]
    return kept + [c for _, c in merged]


def _word_before(text: str, starts: list[int], offset: int) -> bool:
    """The table's name starts inside a jieba word whose head closes the word before it
    (其中 + 华溪村 cut by jieba as 其/中华/溪村): the name's edge is right."""
    i = bisect_left(starts, offset)
    if i < 2 or offset - starts[i - 1] != 1:
        return False
    return text[starts[i - 2] : offset] in jieba_tags()


def _town_supported(text: str, name: str, stem: str, place: tuple[str, str, str, str], known: dict[str, bool]) -> bool:
    """A township name the table lacks needs the report to back it: its own place, the
    title (first line), or its bodies (X镇党委, X乡人民政府) somewhere in the text.
    `known` remembers the answer per name, so a report naming one town 10,000 times
    searches its text once, not 10,000 times."""
    if name in known:
        return known[name]
    own = place[3]
    if own and own != name and (own.endswith(name) or name.endswith(own)):
        known[name] = False  # 泉关镇 of 龙\n泉关镇, 上溪岚镇 of 会议上溪岚镇: the own township, cut or glued
        return False
    if stem[-1] in "上下中里内" and jieba_tags().get(stem[:-1], "ns")[:2] not in ("ns", "nr", "nz"):
        known[name] = False  # 会议上街道: a word and a locative before the suffix
        return False
    first_line = text.lstrip().split("\n", 1)[0]
    title = first_line if len(first_line) <= 40 and "。" not in first_line else ""
    known[name] = bool(
        (own and (own == name or own.startswith(stem))) or name in title or any(name + body in text for body in words("township_bodies.txt"))
    )
    return known[name]


_TOWN_KIND = re.compile(f"(?:(?:{alternation('ethnic_groups.txt')})族?)*(?:镇|乡|街道|苏木)$")


@lru_cache(maxsize=1)
def _town_shorts() -> dict[str, set[str]]:
    """Township short forms (司前 of 司前畲族镇) -> the county chains of the townships they shorten."""
    shorts: dict[str, set[str]] = {}
    for name, chains in gazetteer().towns.items():
        short = _TOWN_KIND.sub("", name)
        if len(short) >= 2 and short != name and _CJK_NAME.fullmatch(short):
            shorts.setdefault(short, set()).update(chains.split("|"))
    return shorts


def _short_town_mates(text: str, out: list[Mention]) -> None:
    """A township by its short form listed beside another one the report writes in full
    elsewhere (在司前、竹里召开 with 竹里畲族乡 written out), both of one county in the table:
    a place as written, where its own full name is nowhere in the text."""
    shorts = _town_shorts()
    written = {_TOWN_KIND.sub("", m.name): m.name for m in out if m.label == "Subdistrict"}
    taken = [(m.start, m.end) for m in out]
    for sep in re.finditer("、", text):
        i = sep.start()
        lefts = [(i - k, i) for k in (3, 2) if i - k >= 0 and text[i - k : i] in shorts]
        rights = [(i + 1, i + 1 + k) for k in (3, 2) if text[i + 1 : i + 1 + k] in shorts]
        for (a, b), (c, d) in ((x, y) for x in lefts[:1] for y in rights[:1]):
            for (mine, other) in (((a, b), (c, d)), ((c, d), (a, b))):
                short, mate = text[mine[0] : mine[1]], text[other[0] : other[1]]
                if mate not in written or short in written or not shorts[short] & shorts[mate] or not _place_word(short):
                    continue  # 中心、…: a word jieba knows as no place is no township's short form
                if any(x < mine[1] and mine[0] < y for x, y in taken) or any(short + k in text for k in ("镇", "乡", "街道")):
                    continue
                out.append(Mention(mine[0], mine[1], "Subdistrict", short))
                taken.append(mine)


# 海滨、港城2个街道; 石门、白沙等乡 (not 等乡镇): townships listed before their shared suffix
_TOWN_LIST = re.compile(f"(?P<head>(?:{_MEMBER}、)*{_MEMBER})[、和与及](?P<last>{_MEMBER})(?:等|(?P<count>{_COUNT}))(?P<suffix>街道|镇|乡)(?![镇村])")


_TOWN_LIST_END = re.compile(f"(?:等|{_COUNT})(?:街道|镇|乡)(?![镇村])")


def _town_lists(text: str) -> list[re.Match[str]]:
    """_TOWN_LIST's matches, sought only before a 等镇 / 2个街道 (scanning the whole text with it
    cost more than the rest of the step)."""
    found: list[re.Match[str]] = []
    for end in _TOWN_LIST_END.finditer(text):
        start = max(0, end.start() - 120, found[-1].end() if found else 0)
        m = _TOWN_LIST.search(text, start, end.end())
        if m is not None and m.end() == end.end():
            found.append(m)
    return found


def _town_member(stem: str, counted: bool) -> bool:
    """A listed township's stem: a place word, or in a list closed by its count a noun too
    (海滨), and no kind or whole (文明, 各)."""
    noun = counted and jieba_tags().get(stem) == "n" and 2 <= len(stem) <= 3
    kind = stem in words("generic_place_stems.txt") or generic_tail(stem) or is_masked(stem) or _WHOLE.search(stem)
    return (_place_word(stem) or noun) and not kind


def _town_list(doc: Doc, text: str, out: list[Mention]) -> None:
    """Each member of a list of townships sharing the suffix, where every member is a word
    jieba knows only as a place or not at all, or, in a list closed by its count, also a noun
    that is no kind (托管海滨、港城2个街道)."""
    taken = {(m.start, m.end) for m in out}
    for m in _town_lists(text):
        members = _list_members(m)
        first_end = members[0][1]
        members[0] = (trim_stem(text, extend_left(doc, first_end, 4, NON_NAME_TAGS), first_end), first_end)
        if not all(_town_member(text[a:b], bool(m["count"])) for a, b in members):
            continue
        for a, b in members:
            if (a, b) not in taken:
                out.append(Mention(a, b, "Subdistrict", text[a:b] + m["suffix"]))


@Language.component("govkg_local_places", requires=["doc._.sentences"], assigns=["doc._.mentions"])
def local_places(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    place = doc.user_data.get("govkg_place") or ("", "", "", "")
    supported: dict[str, bool] = {}
    taken: set[tuple[int, int]] = set()
    starts = token_starts(doc)
    counted: set[int] = set()  # the suffixes closing a list by its bare count (上舍三村 is no name)
    for m in matches_in_runs(_LIST, _LIST_CLOSE, _LIST_CHARS, text):
        suffix = m["suffix"]
        label = "Community" if suffix == "社区" else "Village"
        members = _list_members(m)
        if m["bare"]:
            if _NUMERALS.index(m["bare"]) + 1 != len(members) or m["head"].endswith(suffix) or f"{suffix}、" in m["head"]:
                continue
            counted.add(m.start("suffix"))
        for i, (start, end) in enumerate(members):
            if i == 0:
                start = trim_stem(text, extend_left(doc, end, 5, NON_NAME_TAGS), end)  # 青石街道高殿、…等社区; 宝日温都尔、…等嘎查
                start = _table_member_start(text, start, end, suffix, place)  # 以东郭中、…等村 cut 以东/郭中
                if suffix == "组" and not text.startswith("村", start - 1):
                    break  # 党员、干部等组: groups of people, not of a village
            member = text[start:end]
            name = member if member.endswith(suffix) else member + suffix
            if len(member) >= 2 and is_place_name(name, member):
                out.append(Mention(start, end, label, name))
                taken.add((start, end))
    for m in _SUFFIX.finditer(text):
        suffix = m.group()
        label = _label(suffix)
        stem_end = m.start() + 1 if suffix.endswith("湾") and suffix.startswith("家") else m.start()
        if suffix.endswith("湾") and suffix.startswith("家"):
            suffix = suffix[1:]
        if m.start() in counted or _object_of_verb(text, starts, stem_end):
            continue  # 选派驻村, 推进强村: the suffix is a verb's object
        if label == "Village" and _own_town_short_village(text, starts, stem_end, m.end(), place):
            out.append(Mention(stem_end - 1, m.end(), label, text[stem_end - 1 : m.end()], {"gazetteer": OWN}))
            continue  # 、礼村长者饭堂: a one-character name the table puts in the report's own township
        if label == "Village" and _short_village_after_region(text, stem_end, m.end()):
            out.append(Mention(stem_end - 1, m.end(), label, text[stem_end - 1 : m.end()], {"gazetteer": OWN}))
            continue  # 安吉县余村: a one-character name the table puts in the county written before it
        reach = 2 if suffix.endswith("湾") else 8 if suffix in words("place_community_suffixes.txt") else _MAX_STEM[label]
        start = extend_left(doc, stem_end, reach, NON_NAME_TAGS)  # a committee is named by its estate: 青禾花园居委会
        if place_then_one(text, start, stem_end):
            if suffix != "湾组":
                continue  # 石桥村旧村, 石桥村通村: a place, then a word
            start = stem_end - 1  # 石桥村大湾组: the group after its village
            out.append(Mention(start, m.end(), label, text[start : m.end()]))
            continue
        if suffix == "湾组" and stem_end - start < 2 and _one_char_group(text, stem_end):
            out.append(Mention(stem_end - 1, m.end(), label, text[stem_end - 1 : m.end()]))
            continue  # 大湾组 alone: a group's name may be one character
        start = trim_stem(text, start, stem_end)
        table_start, fit = _table_name(text, m.end(), label, place) if suffix != "街" else (-1, NONE)
        if fit and not _at_word_start(text, starts, table_start) and not _word_before(text, starts, table_start) and not _long_after_function(text, table_start, stem_end):
            fit = NONE  # 美丽乡村 holds no place 美乡村; 前方庄村 is not 方庄村
        named = bool(fit) and _named_as_place(text, table_start, m.end(), suffix)  # 兴业社区、前进社区; 回水村村民
        named = named or (fit == OWN and text.startswith(tuple(words("place_bodies_after.txt")), m.end()))  # 上升村党支部
        verb = _verb_stem(text[table_start:stem_end], starts, table_start, _VERBS)
        if fit and not named and (verb or text[table_start:stem_end] in words("construction_verbs.txt")):
            fit = NONE  # 组织村干部, 实现村: a verb before 村 is no village name
        if fit == FAR and (_WHOLE.search(text, table_start, stem_end) or _in_suffix_word(text, starts, stem_end)):
            fit = NONE  # 全镇, 各村: the whole of a kind, not one place
        if fit == FAR and text.startswith("集体", m.end()) and _verb_stem(text[table_start:stem_end], starts, table_start, _VERBS | {"a", "ad"}):
            fit = NONE  # 发展壮大村集体经济: an adjective before 村集体 (the village collective)
        if fit and text[stem_end - 1] in _NUMERALS and text[table_start] in _NOT_BEFORE_NUMBER and (fit < OWN or text[table_start] == "第"):
            fit = NONE  # 第三村民小组, 全镇前三村: an ordinal or a rank, not the table's 第三村, 前三村
        if fit and text[table_start : m.end()] in words("generic_places.txt"):
            fit = NONE  # 城中村 is a word; 石家咀城中村 may still be a name by the rules below
        if fit and label == "Community" and fit < OWN and not named and _verb_stem(text[table_start:stem_end], starts, table_start):
            fit = NONE  # 幸福社区, 友好社区: a community by that name is likely only in the report's own county
        listed = named and not _after_title_word(text, table_start) and not generic_tail(text[max(0, table_start - 5) : table_start])
        if fit and not listed and text[table_start:stem_end] in words("generic_place_stems.txt") and (fit < OWN or _after_title_word(text, table_start)):
            fit = NONE  # 平安街道, 先进村: names the table holds somewhere, but here titles (省级平安街道); 红旗村、幸福村 is a list of names
        if fit and fit < OWN and _lone_char_before(text, starts, table_start):
            start, fit = table_start - 1, NONE  # 雷/桃树/村: a table name of another county after a character jieba left alone is its tail
        if fit and fit < OWN and label == "Community" and _proper_words_before(text, starts, start, table_start):
            fit = NONE  # 阳光/花园社区: a community of another county's name after proper words is the tail of a longer name
        if fit and (fit < OWN or label == "Community") and label != "Subdistrict" and _unknown_words_before(text, starts, start, table_start):
            fit = NONE  # 查干/宝力格村, 阜荣/东里社区: a name whose tail the table holds, also in the own county for a community
        if fit and fit < OWN and _COUNTED_KIND.search(text, max(0, table_start - 4), table_start):
            fit = NONE  # 建成3个兴旺村: a kind counted, though the table knows such a name elsewhere
        if fit and start < table_start and _name_prefix(text, starts, start, table_start):
            fit = NONE  # 曾柳塘村: one more character of the same name, not a word before it
        if fit:
            start = table_start  # the table knows this name: its edge, whatever the suffix rules say
            if (start, m.end()) not in taken:
                out.append(Mention(start, m.end(), label, text[start : m.end()], {"gazetteer": fit}))
            continue
        if label == "Village" and stem_end - start == 1:
            start = _number_base(text, starts, start)  # 胜利三村: a name jieba tags as a verbal noun, and its number
        stem = text[start:stem_end]
        name = stem + suffix
        if not is_place_name(name, stem) or (start, m.end()) in taken:
            continue
        if label == "Community" and stem.endswith("派出所"):
            continue  # 某某派出所社区民警: the station's community police, no community
        if stem[-1] in _NUMERALS and text[m.end() : m.end() + 1] in tuple(_NUMERALS):
            continue  # 茶叶一村一品, 一村一策: a slogan counting villages
        if stem.endswith("通") and _ROAD.match(text, m.end()):
            continue  # 石桥通村公路, 通嘎查油路: a road reaching villages
        if suffix == "街" and not _street_confirmed(text, stem):
            continue
        numbered = stem[-1] in _NUMERALS  # 胜利三村: a verbal noun with a number is a name
        if label == "Village" and _lone_verb_before(text, starts, stem_end):
            continue  # 医疗队/下/村, 干部/下/村: a verb of its own and its object, after the ones who go
        if label == "Village" and ((not numbered and _verb_stem(stem, starts, start, _VERBS)) or _after_figure(text, start)):
            continue  # 壮大村集体经济, 1-8月份村集体: a verb or a time before 村, as for names the table holds
        if label != "Subdistrict" and _COUNTED_KIND.search(text, max(0, start - 4), start):
            continue  # 64个自然屯, 12个重点村: what follows a count is a kind of place, not one place
        if label == "Subdistrict" and (_verb_stem(stem, starts, start) or not _town_supported(text, name, stem, place, supported)):
            continue
        out.append(Mention(start, m.end(), label, name))
    _bare_mates(text, place, out, starts)
    _listed_between_places(text, out)
    _names_across_lines(text, place, out)
    _spaced_names(text, place, out)
    _groups_after_villages(text, out)
    _listed_groups(text, out)
    _short_town_mates(text, out)
    _town_list(doc, text, out)
    doc._.mentions = _outside_towns(_village_communities(text, out))
    return doc


def _outside_towns(out: list[Mention]) -> list[Mention]:
    """Drop a village or community inside a township's name (潍坊新村街道); one bisect each."""
    towns = sorted((m.start, m.end) for m in out if m.label == "Subdistrict")
    if not towns:
        return out
    town_starts = [a for a, _ in towns]
    reach = []  # the furthest end of the towns starting at or before each one
    for _, b in towns:
        reach.append(max(b, reach[-1]) if reach else b)

    def inside(m: Mention) -> bool:
        i = bisect_left(town_starts, m.start + 1) - 1
        return i >= 0 and reach[i] > m.end

    return [m for m in out if m.label not in ("Village", "Community") or not inside(m)]


# a natural village or group written after its village: 石桥村大坪组, 石桥村龙家湾, and in the
# next column of a table (石桥村\t大坪组)
_GROUP = re.compile(r"(?<=村)[ \t\u3000]?([\u4e00-\u9fff]{2,3}组(?![织成建合员长别件])|[\u4e00-\u9fff]家[\u4e00-\u9fff]?湾(?![村社组区]))")


_GROUP_NOT = _VERBISH | {"n", "nr", "m", "q"}  # 党员组, 项目组, 学习组: a group of people or a task


_PLACE_AFTER = {"村": ("村民", "村委", "村党", "村两委"), "社区": ("居民", "居委", "党委", "党支部", "党总支")}


@cache
def _mate_patterns(suffix: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A list mate of the same suffix after a name (、兴业社区) and before it (兴业社区、)."""
    return re.compile(f"、([\u4e00-\u9fff]{{2,3}}){suffix}"), re.compile(f"([\u4e00-\u9fff]{{2,3}}){suffix}、$")


def _named_as_place(text: str, start: int, end: int, suffix: str) -> bool:
    """A table name whose stem is a verb (前进, 回水) written as a place: listed with a mate of
    the same suffix (兴业社区、前进社区), before its own villagers or committee (回水村村民), or
    opening a clause as the subject of an award (，启明社区获评)."""
    tags = jieba_tags()

    def proper(stem: str) -> bool:  # a mate that is itself no verb and no generic word (学习社区、服务社区 are none)
        return tags.get(stem, "ns") not in _VERBISH and stem not in words("generic_place_stems.txt")

    after, before = _mate_patterns(suffix)
    mate = after.match(text, end, end + 9)
    if mate and proper(mate.group(1)):
        return True
    mate = before.search(text[max(0, start - 9) : start])
    if mate and proper(mate.group(1)[-2:]) and proper(mate.group(1)):
        return True
    if text.startswith(_PLACE_AFTER.get(suffix, ()), end):
        return True
    stem = text[start : end - len(suffix)]  # 启明社区获评…: a subject of an award opening its clause
    opens = start == 0 or text[start - 1] in "，,。；;：:、\n“"
    return opens and stem not in words("generic_place_stems.txt") and text.startswith(tuple(words("award_verbs.txt")), end)


def _one_char_group(text: str, stem_end: int) -> bool:
    """大湾组, 小湾组: one character that is no figure, no function word and no whole of a kind (各湾组, 本湾组)."""
    if stem_end < 1:
        return False
    char = text[stem_end - 1]
    return (
        _CJK_NAME.match(char) is not None and char not in words("function_words.txt") and char not in _WHOLE_CHARS
        and char not in "一二三四五六七八九十两几第个"
        and (stem_end < 2 or not _CJK_NAME.match(text[stem_end - 2]) or text[stem_end - 2] in "、和与及")
    )


def _own_town_short_village(text: str, starts: list[int], stem_end: int, end: int, place: tuple[str, str, str, str]) -> bool:
    """A village of one character and its suffix (礼村) that the division table puts in the
    report's own township, written as a word of its own (after punctuation or at a word's start)."""
    _, _, county, town = place
    if not town or stem_end < 1 or not _CJK_NAME.match(text[stem_end - 1]) or text[stem_end - 1] in _WHOLE_CHARS:
        return False
    if stem_end >= 2 and _CJK_NAME.match(text[stem_end - 2]) and not _at_word_start(text, starts, stem_end - 1):
        return False
    name = text[stem_end - 1 : end]
    if name in words("generic_places.txt"):
        return False
    own = f"/{county}/{town}" if county else f"/{town}"
    return any(chain.endswith(own) for chain in gazetteer().villages.get(name, "").split("|"))


def _short_village_after_region(text: str, stem_end: int, end: int) -> bool:
    """A village of one character and its suffix (余村) right after a county or township
    (安吉县, 天荒坪镇) that the division table puts it in."""
    if stem_end < 4 or text[stem_end - 2] not in "县区市旗镇乡" or not _CJK_NAME.match(text[stem_end - 1]):
        return False
    chains = gazetteer().villages.get(text[stem_end - 1 : end], "")
    if not chains:
        return False
    for k in range(3, 9):
        region = text[max(0, stem_end - 1 - k) : stem_end - 1]
        if len(region) == k and any(f"/{region}/" in f"/{chain}/" for chain in chains.split("|")):
            return True
    return False


def _lone_verb_before(text: str, starts: list[int], stem_end: int) -> bool:
    """The character before 村 is a verb jieba cut alone (下, 进, 驻) after a word of two or
    more characters, and 村 stands alone too (医疗队/下/村义诊): the village is its object."""
    i = bisect_left(starts, stem_end)
    if i < 2 or i >= len(starts) or starts[i] != stem_end or starts[i - 1] != stem_end - 1:
        return False
    after = starts[i + 1] if i + 1 < len(starts) else len(text)
    return after == stem_end + 1 and stem_end - 1 - starts[i - 2] >= 2 and text[stem_end - 1] in words("place_object_verbs.txt")


def _object_of_verb(text: str, starts: list[int], stem_end: int) -> bool:
    """The suffix ends a two-character word opened by a verb (驻村, 进村, 强村): the village
    is that verb's object, not the end of a name."""
    i = bisect_left(starts, stem_end)
    return (
        stem_end >= 1 and (i >= len(starts) or starts[i] != stem_end) and i >= 1 and starts[i - 1] == stem_end - 1
        and text[stem_end - 1] in words("place_object_verbs.txt")
    )


_COUNTED_KIND = re.compile(r"[\d一二两三四五六七八九十百几多]个$")


def _after_figure(text: str, start: int) -> bool:
    """1-8月份村集体: a stem opening with a unit of time or count right after a figure."""
    return start > 0 and text[start - 1].isdigit() and text[start] in "年月日季周个份"


_GROUP_BEFORE = re.compile(r"(?:(?<=[^\u4e00-\u9fff])|^)([\u4e00-\u9fff]{2,3})组(?=、)", re.M)
_LISTED_GROUP = re.compile(r"(?<=组、)([\u4e00-\u9fff]{1,3})组(?![织成建合员长别件])")


def _group_stem(stem: str) -> bool:
    """A group's name: no figure or whole (各, 第), not a word for people or a task (党员组,
    工作组) unless it holds a landform (新屋组, 石板组); a stem jieba tags a name (小寨) is one."""
    tags = jieba_tags()
    if not _CJK_NAME.fullmatch(stem) or stem[-1] == "小" or stem + "组" in tags:
        return False
    if any(c in "一二三四五六七八九十第各每全该本" for c in stem):
        return False
    tag = tags.get(stem)
    return tag == "nr" or tag not in _GROUP_NOT or (tag == "n" and any(c in words("place_landform_chars.txt") for c in stem))  # 小寨 (nr) is a name


def _listed_groups(text: str, out: list[Mention]) -> None:
    """The groups of a village listed after one found (杨家湾组、大屋场组、新屋组): each a
    group too, where its name is one."""
    groups = {x.end for x in out if x.label == "Village" and x.name.endswith("组")}
    for m in _LISTED_GROUP.finditer(text):
        if m.start() - 1 in groups and _group_stem(m.group(1)) and (len(m.group(1)) > 1 or _one_char_group(text, m.end(1))):
            out.append(Mention(m.start(), m.end(), "Village", m.group()))
            groups.add(m.end())
    starts = {x.start for x in out if x.label == "Village" and x.name.endswith("组")}
    for m in _GROUP_BEFORE.finditer(text):  # 石桥组、大湾组: the first of the list, opening its clause
        if m.end() + 1 in starts and _group_stem(m.group(1)):
            out.append(Mention(m.start(), m.end(), "Village", m.group()))


def _groups_after_villages(text: str, out: list[Mention]) -> None:
    villages = {m.end for m in out if m.label == "Village"}
    spans = {(x.start, x.end) for x in out}
    tags = jieba_tags()
    for m in _GROUP.finditer(text):
        stem = m.group(1).removesuffix("组")
        if m.start() not in villages or not _CJK_NAME.fullmatch(stem) or stem[-1] == "小" or m.group(1) in tags:
            continue
        if tags.get(stem) in _GROUP_NOT and not (tags.get(stem) == "n" and any(c in words("place_landform_chars.txt") for c in stem)):
            continue  # 党员组, 项目组; but 老屋组, 桥头组 are named by a landform
        if any(c in "一二三四五六七八九十第各每全该本" for c in stem) or (m.start(1), m.end()) in spans:
            continue
        out.append(Mention(m.start(1), m.end(), "Village", m.group(1)))  # not a word: 中心组, 工作组
