"""Named people: a 2-3 character name after a role (data/person_roles.txt), in a byline or
credit, in a signature line (镇长  某 某), before 同志 / an award verb / speech, in a list after
a heading or in a table's name column, after a quoted title for a person; historical
figures (data/person_historical.txt); and the names listed with one. Each candidate must
start with a surname and pass is_person_name, which turns away the words jieba knows."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.lexicon import alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.tables import column_rows
from extract.patterns import guarded
from graph.model import PLACE_LABELS

_AWARD = r"荣获|获评|被评为|被授予"


@lru_cache(maxsize=1)
def _roles() -> str:
    return alternation("person_roles.txt")


@lru_cache(maxsize=1)
def _after() -> str:
    return alternation("person_after.txt")


@lru_cache(maxsize=1)
def _titled() -> re.Pattern[str]:
    """A name right after a quoted title for a person (“最美村干部”某某、“致富能手”某某等)."""
    name = rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}?"
    after = rf"[、，,；;。\s等的]|{_after()}|{alternation('award_verbs.txt')}"
    return re.compile(rf"(?:{alternation('person_title_heads.txt')})[”\"]({name})(?={after})")


def _titled_names(text: str) -> list[Mention]:
    return [Mention(m.start(1), m.end(1), "Person", m.group(1)) for m in _titled().finditer(text) if is_person_name(m.group(1))]


_CLOSE_BRACKET = re.compile(r"[）)]")
_CLAUSE = r"(?:(?<=[”。，,；;])|(?<=[。；;：:！!”\n]\n)|\A)"  # not any line start: a PDF breaks lines mid-sentence
# a three-character "name" opening with a verb, adverb, numeral… (任命为副镇长) is that word
_FUNCTION_TAGS = frozenset({"v", "vn", "vd", "d", "p", "c", "ad", "m", "r", "u", "f", "q", "t"})
_PARTICLES = frozenset("的地得着了们")  # 村民高兴地说: a word and its particle, no name
_HONORIFICS = ("先生", "女士", "老师", "师傅", "大爷", "大妈", "阿姨")  # 王先生 names nobody
_PLACE_TAIL = frozenset("村街镇乡区县市社园司厂站所局委会组屯寨湾坝坪沟庄港场店铺馆部处办队校家路道")


@lru_cache(maxsize=1)
def surname_pattern() -> str:
    """A surname: a compound one (欧阳, 上官) before the single characters, so 欧阳明华 is not 阳明华."""
    names = words("surnames.txt") | words("person_name_starts.txt")
    singles = "".join(sorted(n for n in names if len(n) == 1))
    compounds = "|".join(sorted(n for n in names if len(n) > 1))
    return rf"(?:{compounds}|[{singles}])"


@lru_cache(maxsize=1)
def _counted() -> str:
    """How many people a list names before they are called comrades or a group (等3名同志,
    2位同志, 等10名优秀共产党员, 等5人)."""
    groups = alternation("person_groups.txt")
    count = r"[\d一二两三四五六七八九十]+"
    places = r"(?!个(?:村|社区|镇|乡|街道|组|屯|嘎查|单位|集体|企业))"  # 某某等12个村人居环境: places counted
    return rf"等{count}{places}[名位批]?[\u4e00-\u9fff]{{0,6}}?(?:{groups})|{count}[名位](?:同志|干部|党员|个人|村民|群众)|等同志"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """A name after a role (乡长刘国栋), in a byline (通讯员 程晓梅), between a body and its
    role (市委李建华书记, 某党校某某副院长), before 同志, opening a clause before an award verb, or alone
    after the closing date of a report (2016年11月2日 许文杰)."""
    name = rf"({surname_pattern()}[\u4e00-\u9fff]{{1,2}}?)"
    broken = rf"({surname_pattern()}(?:\n?[\u4e00-\u9fff]){{1,2}}?|{_DOTTED})"  # 书记顾\n瑞利: a PDF line break inside
    clause = _CLAUSE
    roles, after, award, byline = _roles(), _after(), alternation("award_verbs.txt"), alternation("byline_words.txt")
    return guarded(
        [*roles.split("|"), *words("byline_words.txt"), *words("surnames.txt"), " ", "\u3000", "\t", "（", "("],  # what a match opens with
        rf"(?:(?:{roles})(?:[（(][^）)\n]{{1,12}}[）)])?[\s：:]?{broken}(?={after}|{award}|[，,、；;。（(：:]|\s|$|[\d一二两三四五六七八九十]+[人名位](?![\u4e00-\u9fff]*[次户家个])))"
        rf"|(?:{name}(?=同志|等人|烈士|先生|女士|院士|教授|{_counted()}|[（(][^）)\n]{{0,24}}?(?:{roles})[）)]|[，,（(]\s?[男女][，,、）)]))"
        rf"|(?:(?:(?<=[\n、，,；;|])|^)[ \t\u3000]*{name}(?=[ \t\u3000]+[男女](?:[ \t\u3000，,]|$)))"
        rf"|(?:{clause}[ \t\u3000]?{name}(?={alternation('person_speech.txt')}))"
        rf"|(?:^[ \t\u3000]*{name}(?=[ \t\u3000]+[^\s]{{0,20}}(?:{roles})[ \t\u3000]*$))"  # a list line: 某某  柳湾村党支部书记
        rf"|(?:(?:(?<=表彰|表扬|嘉奖|授予|追授)|(?<=表彰了|表扬了|嘉奖了|授予了|追授了)){name}(?=[、，,]|同志|等))"
        rf"|(?:(?:{byline})[\s：:]*(?:[^\s：:，,。；;（）()]{{2,16}}[ \u3000\t]+)?{name}(?=[\s）)（(，,、；;。]|文|$))"
        rf"|(?:[（(][^\s（）()]{{2,16}}?(?:{_BYLINE_ORG})[ \u3000]+{name}(?=[）)]))"  # （青溪镇人民政府 某某）
        rf"|(?:(?:(?<=人民政府[ \u3000])|(?<=办事处[ \u3000])){name}(?=[ \u3000\n]|$))"  # 某镇人民政府 某某 (the speaker of a report)
        rf"|(?:(?<=[ \u3000\n]){name}(?=[ \u3000]*\n?[ \u3000]*各位代表))"  # …会议上 某某 各位代表: the speaker
        rf"|(?:(?<=[委府校会局院部办所站]){name}(?=书记|副书记|主任|镇长|乡长|区长|县长|市长|(?:副)?(?:院长|局长|校长|会长|所长|站长)))"  # 市委党校某某副院长
        rf"|(?:(?:(?<=[，,、；;。：:（(“\s在由向请同与和及对为给随谢])|^){name}(?=(?:副)?(?:书记|镇长|乡长|区长|县长|市长|主任)(?:[，,、；;。\s]|{after})))"
        rf"|(?:(?:(?<=任命|提名|推选|选举|聘任)|(?<=叫)){name}(?=为|同志|[，,。；;]))"  # 任命某某为副镇长, 她叫某某，
        rf"|(?:(?<=岁的){name}(?=是|[，,、]|{after}))"  # 今年62岁的某某是…
        rf"|(?:(?<=在){name}(?=(?:同志)?的(?:带动|带领|帮助|指导|努力|支持|推动|示范|感召)下))"  # 在某某的带动下
        rf"|(?:(?:{clause}|^){name}(?=[，,](?:男|女|[^，,。；;\n]{{2,14}}?[村镇乡社区县市]人)[，,。；;]))"  # 某某，柳湾村人，…
        rf"|(?:(?:{clause}|(?<=由)){name}(?=(?:同志)?(?:任|担任|当选为?)[^，,。；;\n]{{0,16}}?(?:{roles})))"  # 某某任柳湾村党支部书记, 由某某担任组长
        rf"|(?:(?<=日)[ \u3000\t]+{name}[ \u3000\t]*$)"
        rf"|(?:(?:(?<=[。！!？?\s])|^){name}(?<![拍航])(?=[ \u3000]?摄(?![影像制入取录])))"  # a photo's credit: ……。某某某 摄 (not 拍摄)
        rf"|(?:(?:{alternation('person_head_roles.txt')})({surname_pattern()}[\u4e00-\u9fff]{{2}}))"
        rf"|(?:(?:{alternation('person_head_people.txt')})({surname_pattern()}[\u4e00-\u9fff]{{2}}))",
        re.M,
    )


@lru_cache(maxsize=1)
def _mate() -> re.Pattern[str]:
    """A name in a list, between separators: 张三、李四、王五等."""
    return re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}(?=[、，,；;。等\s）)]|同志|被|{_AWARD}|{_counted()}|{_after()}|$)")


_OPENERS = frozenset("、，,；;。：:\n（( 向对给由请了的")  # 向某某、某某等同志颁发
@lru_cache(maxsize=1)
def _role_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{_roles()}|表彰|表扬|授予|追授)$")


def is_person_name(name: str) -> bool:
    """A candidate that is no place (…村, …组), no word with its particle (高兴地), no word
    jieba knows as anything but a name, no frequent word (文明号) or jargon (包保), that
    does not open with a verb or a frequent noun (任命为), and no conjunction before a
    frequent word (干部和群众: 和 is a surname too)."""
    tag = jieba_tags().get(name)
    return (
        name not in words("public_figures.txt") and name[-1] not in _PLACE_TAIL | _PARTICLES
        and (tag in (None, "nr", "nrfg", "nrt") or (tag == "ns" and name[-2:] in words("person_given_places.txt"))) and not (len(name) <= 3 and _common_word(name[:2], 3000))
        and not (len(name) == 3 and _opens_with_word(name)) and name[:2] not in words("person_not_names.txt")
        and not name.endswith(_HONORIFICS)
        and not (len(name) == 3 and name[0] in _LINKS and _common_word(name[1:]) and jieba_tags().get(name[1:]) not in _NAME_TAGS)
        and not (len(name) == 3 and jieba_tags().get(name[1:]) in _ADVERB_TAGS and _common_word(name[1:]))  # 曾|先后获得
    )


def _opens_with_word(name: str) -> bool:
    """A three-character candidate whose first two characters are a verb, adverb, numeral…
    or a frequent noun (任命为副镇长, 石头村): surnames with such a given name are rare."""
    tag = jieba_tags().get(name[:2])  # rare entries (何国, 申建: tagged r, v) are noise
    return (tag in _FUNCTION_TAGS and _common_word(name[:2], 50)) or (tag == "n" and _common_word(name[:2]))


def _inside_word(text: str, start: int, name: str) -> bool:
    """The name opens a longer dictionary word that is no name (居民王府井社区, 何乐而不为)."""
    tags = jieba_tags()
    for size in (5, 4, 3):
        word = text[start : start + size]
        if len(word) > len(name) and word.startswith(name) and tags.get(word, "nr") not in _NAME_TAGS:
            return True
    return False


_NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
_ADVERB_TAGS = frozenset({"d", "p", "c", "u", "t"})  # 先后 is tagged a time word
_GIVEN_TAGS = _NAME_TAGS | {"ns", "nz"}


def _fallback_name(text: str, start: int, end: int, short: bool = True) -> str:
    """Three characters after a head role, or two where the third begins a word (王明全年 ->
    王明) and `short` allows it; none where they hold an ordinary word (主任车辆…)."""
    tags = jieba_tags()
    name = text[start:end]
    # a given name may be a place's name too (德福, 建国), the surname and its next character not
    if name[0] in _LINKS or tags.get(name[:2], "nr") not in _NAME_TAGS or tags.get(name[1:], "nr") not in _GIVEN_TAGS:
        return ""
    if text[end - 1 : end + 1] in tags and not (_common_word(text[end : end + 2]) and not _common_word(text[end - 1 : end + 1])):
        return "" if _common_word(name[:2]) or not short else name[:2]  # 王明全年…, but 柯东平正在…: 正在 is the word
    if name[2] in _LINKS or name[2] in _PARTICLES:  # 书记王强和镇长…: the third character links on
        return "" if _common_word(name[:2]) else name[:2]
    return name


_LINKS = frozenset("和与及同跟")  # 书记和镇长: a conjunction after a role, though 和 is a surname too


def _common_word(name: str, floor: int = 1000) -> bool:
    """A two-character name that is also a frequent word (居民文明素养): jieba tags some of
    them as names (文明, 陈列), but after a role and before another word they are the word."""
    import jieba

    jieba.initialize()  # a no-op once the tokenizer has loaded the dictionary
    return (jieba.get_FREQ(name) or 0) >= floor


_BYLINE_ORG = "政府|办事处|镇|乡|街道|办|办公室|中心|站|所|局|党委|社区|村|部"  # who sends a news item in brackets
_DOTTED = r"[\u4e00-\u9fff]{2,5}[·・•][\u4e00-\u9fff]{2,6}?"  # 阿卜杜拉·艾买提: a Uyghur or Kazakh name
_GAP = "[ \u3000]"


@lru_cache(maxsize=1)
def _spaced() -> re.Pattern[str]:
    """A report's signature line, its characters often spread apart by spaces
    (镇长    某 某, 镇  长  某  某): a head role, then a name alone at the end of the line."""
    heads = words("person_head_roles.txt") | words("person_head_people.txt")
    roles = "|".join(f"{_GAP}*".join(map(re.escape, r)) for r in sorted(heads, key=len, reverse=True))
    name = rf"{surname_pattern()}(?:{_GAP}{{0,3}}[\u4e00-\u9fff]){{1,2}}"
    # the line may have been joined to the next one: 各位代表, or the date in brackets
    return re.compile(rf"(?:{roles})[ \u3000\t]*[：:]?[ \u3000\t]*({name})[ \u3000\t]*(?=$|各位代表|[（(][\d一二〇○]{{4}})", re.M)


def _names_in(pattern: re.Pattern[str], text: str) -> list[Mention]:
    """The people a pattern's first group holds, spaces closed up (张 三), that pass is_person_name."""
    found = []
    for m in pattern.finditer(text):
        name = re.sub(r"\s", "", m.group(1))
        if is_person_name(name):
            found.append(Mention(m.start(1), m.end(1), "Person", name))
    return found


_ITEM = re.compile(r"([^、，,；;。\s（(]+)(?:[（(][^）)\n]{0,20}[）)])?")
_ITEM_SEP = re.compile(r"[、，,；;]|[ \u3000\t]+")


@lru_cache(maxsize=1)
def _list_head() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('person_list_heads.txt')})[^\n：:。；;，,]{{0,6}}[：:][ \u3000\t]*")


def _listed_after_heading(text: str) -> list[Mention]:
    """People listed after a heading's colon (先进个人：某某、某某；优秀村干部：某某（柳湾村）、某某):
    every item up to the first that is not a name; or on the line under a heading
    (二、先进个人 / 某某、某某、某某) when the whole line is names."""
    found: list[Mention] = []
    whole = re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}")
    for head in _list_head().finditer(text):
        found.extend(_names_from(text, head.end(), whole))
    for head in _line_head().finditer(text):
        line_end = text.find("\n", head.end())
        line = text[head.end() : len(text) if line_end < 0 else line_end]
        names = _names_from(text, head.end(), whole)
        if len(names) >= 2 and len(names) == len(re.findall(r"[^、，,；;。\s]+", re.sub(r"[（(][^）)]*[）)]", "", line))):
            found.extend(names)
    return found


# a line of an award list naming the people of one place (柳湾村：某某、某某; 石桥社区: 某某)
_PLACE_LINE = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff]{2,8}(?:村|社区|居委会|镇|乡|街道|公司|中心|学校|医院)[ \t\u3000]*[：:][ \t\u3000]*", re.M)


def _listed_by_place(text: str) -> list[Mention]:
    """People listed after their place on a line of their own (柳湾村：某某、某某), where every
    item of the line is a name."""
    whole = re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}")
    found: list[Mention] = []
    for head in _PLACE_LINE.finditer(text):
        line_end = text.find("\n", head.end())
        line = text[head.end() : len(text) if line_end < 0 else line_end].rstrip("。；; \t\u3000")
        names = _names_from(text, head.end(), whole)
        if names and len(names) == len(re.findall(r"[^、，,；;\s]+", line)):
            found.extend(names)
    return found


@lru_cache(maxsize=1)
def _line_head() -> re.Pattern[str]:
    return re.compile(rf"^[^\n]{{0,8}}(?:{alternation('person_list_heads.txt')})(?:名单)?[ \u3000\t]*\n", re.M)


_PLACE_FIRST = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:村|社区|居委会)(?=[\u4e00-\u9fff]{2,3}$)")


def _names_from(text: str, pos: int, whole: re.Pattern[str]) -> list[Mention]:
    """The names of a list from `pos`, up to the first item that is not one; an item may
    write the person's village or community first (柳湾村某某)."""
    found: list[Mention] = []
    while item := _ITEM.match(text, pos):
        at = item.start(1)
        placed = _PLACE_FIRST.match(item.group(1))
        if placed and not whole.fullmatch(item.group(1)):
            at += placed.end()
        name = text[at : item.end(1)]
        if not (whole.fullmatch(name) and is_person_name(name)):
            break
        found.append(Mention(at, item.end(1), "Person", name))
        sep = _ITEM_SEP.match(text, item.end())
        if not sep:
            break
        pos = sep.end()
    return found


@lru_cache(maxsize=1)
def _credit() -> re.Pattern[str]:
    """A byline word and what follows it on its line (通讯员：某某 某某), or a bracket closing
    a news item that holds only its senders (……。（青溪镇 某某 某某））."""
    return guarded(
        [*words("byline_words.txt"), " ", "\u3000", "（", "("],  # what a match opens with
        rf"(?:{alternation('byline_words.txt')})[\s：:]*([^\n）)]*)|(?<=[。！!])[ \u3000]*[（(]([^\n（()）]{{2,30}})[）)][ \u3000]*$",
        re.M,
    )


def _credited(text: str) -> list[Mention]:
    """Every name of a credit, spaces between them (通讯员 某某 某某 报道): an office may
    open it (青溪镇党政办), anything else ends it. Cleaning closes up the spaces of a credit
    in a line of prose (（记者某某通讯员某某某某）): the names run together there."""
    whole = re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}")
    office = re.compile(rf"[^\s]{{2,16}}(?:{_BYLINE_ORG})")
    found = []
    for m in _credit().finditer(text):
        group = 1 if m.group(1) is not None else 2
        names, offices, whole_credit = [], 0, True
        credit = m.group(group).removesuffix("报道") if group == 2 else m.group(group)  # （某某某某报道）
        for item in re.finditer(r"[^\s、，,；;（(]+", credit):
            word, at = item.group(), m.start(group) + item.start()
            glued = _glued_credit(word, at, m.start(group) + len(credit), text)
            if whole.fullmatch(word) and is_person_name(word):
                names.append(Mention(at, at + len(word), "Person", word))
            elif office.fullmatch(word) and not names and not offices:
                offices += 1
            elif glued:
                names.extend(glued)
            else:
                whole_credit = False
                break
        if group == 1 or (names and whole_credit):
            found.extend(names)
    return found


@lru_cache(maxsize=1)
def _byline_split() -> re.Pattern[str]:
    return re.compile(f"({alternation('byline_words.txt')})")


_GLUED_OFFICE = re.compile(rf"[\u4e00-\u9fff]{{1,12}}(?:{_BYLINE_ORG}|省|市|县|区)")


def _glued_credit(word: str, at: int, end: int, text: str) -> list[Mention]:
    """The names of a credit closed up into one word (某某通讯员某某某某, 甘肃某市某某某):
    only inside brackets that close right after it, each part split on the byline words and
    an office opening it, and every part wholly cut into names."""
    if at + len(word) != end or not text.startswith(("）", ")", "报道）", "报道)"), end):
        return []
    found: list[Mention] = []
    pos = 0
    for part in _byline_split().split(word):
        if not part or _byline_split().fullmatch(part):
            pos += len(part)
            continue
        cuts = _glued_names(part)
        if not cuts and _credit_name(part):
            cuts = [(0, len(part))]  # 通讯员秦川: right after a byline word a name may be a word too (秦川)
        offices = [k for k in range(len(part) - 2, 2, -1) if _GLUED_OFFICE.fullmatch(part[:k])] if not cuts and not found else []
        for k in offices:  # 青石镇宣传办某某: the longest office the names can follow
            if rest := _glued_names(part[k:]):
                cuts = [(a + k, b + k) for a, b in rest]
                break
        if not cuts:
            return []
        found.extend(Mention(at + pos + a, at + pos + b, "Person", part[a:b]) for a, b in cuts)
        pos += len(part)
    return found


def _credit_name(part: str) -> bool:
    """A whole credit part of two or three characters opening with a surname that jieba
    knows as a place or a name (秦川): after a byline word it is the person's name."""
    return (
        2 <= len(part) <= 3 and re.fullmatch(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}", part) is not None
        and part[-1] not in _PLACE_TAIL and jieba_tags().get(part) in ("ns", "nz", "nr", "nrt", "nrfg")
    )


def _glued_names(run: str) -> list[tuple[int, int]]:
    """The fewest names (2-4 characters, each opening with a surname) that make up `run`
    exactly, as (start, end); [] when it cannot be cut so."""
    if not 2 <= len(run) <= 12:
        return []
    whole = re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}")
    best: dict[int, list[tuple[int, int]]] = {len(run): []}
    for pos in range(len(run) - 2, -1, -1):
        options = [
            [(pos, pos + size), *best[pos + size]]
            for size in (3, 2, 4)
            if pos + size in best and whole.fullmatch(run[pos : pos + size]) and is_person_name(run[pos : pos + size])
        ]
        if options:
            best[pos] = min(options, key=len)
    return best.get(0, [])


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern[str]:
    """A numbered list line opening with a name before a colon or comma, then the person's
    post (1.某某：柳湾村党支部书记; 2.马 欣：…, a two-character name padded to three)."""
    name = rf"{surname_pattern()}(?:{_GAP}{{0,2}}[\u4e00-\u9fff]){{1,2}}"
    return re.compile(
        rf"^[ \t\u3000]*(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})[.、．)）][ \t\u3000]*({name})[ \t\u3000]*[：:，,]"
        rf"(?=[^\n]*?(?:{_roles()}))",
        re.M,
    )


_DOTS = "·・•"
_DOT = re.compile(f"[{_DOTS}]")


@lru_cache(maxsize=1)
def _translit_after_role() -> re.Pattern[str]:
    """A Mongolian, Uyghur or Tibetan name of three to six characters with no dot and no Han
    surname right after a role (书记斯琴高娃介绍, 牧民额尔敦巴特尔笑着说)."""
    chars = "".join(sorted(words("person_transliteration_chars.txt")))
    return re.compile(rf"(?:{_roles()})([{chars}]{{3,6}})(?={_after()}|[，,、；;。（(：:]|\s|$)")


def _translit_names(text: str, out: list[Mention]) -> list[Mention]:
    named = [(m.start, m.end) for m in out if m.label == "Person"]
    found = []
    for m in _translit_after_role().finditer(text):
        name = m.group(1)
        if not any(a < m.end(1) and m.start(1) < b for a, b in named) and jieba_tags().get(name, "nr") in _NAME_TAGS and name[-1] not in _PLACE_TAIL and name[:2] not in words("person_not_names.txt"):
            found.append(Mention(m.start(1), m.end(1), "Person", name))
    return found


def _dotted_names(text: str, out: list[Mention]) -> list[Mention]:
    """A Uyghur, Kazakh or Mongolian name written with a middle dot (某某某·某某), wherever it
    stands: the runs of characters that spell such names (data/person_transliteration_chars.txt)
    on both sides of the dot, less a character that makes a word with the one beyond it
    (村民/吐鲁洪); a slogan with a dot (康养福地·生态青石) has no such runs."""
    chars, tags = words("person_transliteration_chars.txt"), jieba_tags()
    named = [(m.start, m.end) for m in out if m.label == "Person"]
    found = []
    for dot in (m.start() for m in _DOT.finditer(text)):
        if any(a < dot < b for a, b in named):
            continue  # a rule found the name already (村民某某·某某)
        start = dot
        while start > 0 and dot - start < 6 and text[start - 1] in chars:
            start -= 1
        end = dot + 1
        while end < len(text) and end - dot <= 7 and text[end] in chars:
            end += 1
        while dot - start > 2 and start > 0 and text[start - 1 : start + 1] in tags:
            start += 1  # 村民吐鲁洪: 民 closes 村民
        while end - dot > 3 and end < len(text) and text[end - 1 : end + 1] in tags:
            end -= 1
        if dot - start >= 2 and end - dot >= 3 and (start == 0 or text[start - 1] not in _DOTS) and text[end : end + 1] not in _DOTS:
            found.append(Mention(start, end, "Person", text[start:end]))
    return found


@lru_cache(maxsize=1)
def _historical() -> re.Pattern[str]:
    """A historical figure, not a place or road named after one (屈原区, 中山路)."""
    return re.compile(rf"(?:{alternation('person_historical.txt')})(?![区县市镇乡村路街道]|管理区)")


def _historical_names(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), "Person", m.group()) for m in _historical().finditer(text)]


@lru_cache(maxsize=1)
def _unit_award() -> re.Pattern[str]:
    """A three-character name right after a village or unit, a name opening a clause or
    closing a list, before an award verb (柳湾村某某某被授予, 镇卫生院某某某获得, 。某某荣获,
    、某某某荣获)."""
    clause = _CLAUSE
    verbs = rf"(?={_AWARD}|获得|荣膺|入选)"
    prize = r"(?<!荣)(?=获[^，,。；;\n]{0,6}?奖)"  # 柳湾社区某某获优秀奖, 获个人二等奖; not 杨梅荣|获
    return guarded(
        [*"村院站所校社中公", *words("surnames.txt"), *words("person_name_starts.txt")],  # a unit, else a surname
        rf"(?:[村院站所校]|社区|中心|公司)({surname_pattern()}[\u4e00-\u9fff]{{2}}){verbs}"
        rf"|(?:[村院站所校]|社区|中心|公司)({surname_pattern()}[\u4e00-\u9fff]{{1,2}}?){prize}"
        rf"|{clause}({surname_pattern()}[\u4e00-\u9fff]{{1,2}}?){verbs}"
        rf"|(?<=、)({surname_pattern()}[\u4e00-\u9fff]{{2}}){verbs}"  # the last of a list: 某某、某某某荣获
    )


def _unit_award_names(text: str) -> list[Mention]:
    """Products stand there too (柳湾村杨梅荣获, 冷水鱼获评; jieba tags 杨梅 a name): the surname
    and the next character must not be a word, nor a two-character name be one at all."""
    tags = jieba_tags()
    found = []
    for m in _unit_award().finditer(text):
        group = next(i for i in (1, 2, 3, 4) if m.group(i))
        name = m.group(group)
        unknown = name not in tags if len(name) == 2 else tags.get(name[:2], "nr") in _NAME_TAGS
        if unknown and is_person_name(name):
            found.append(Mention(m.start(group), m.end(group), "Person", name))
    return found


def _table_names(text: str) -> list[Mention]:
    """The cells of a table's name column (序号 姓名 所在村 / 1 某某 柳湾村), numbered rows or
    rows under a header whose first cell is 姓名 (姓名 职务 / 某某 党委书记)."""
    columns = words("person_table_columns.txt")
    whole = re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}")
    found = []
    for row in column_rows(text, columns):
        for column, cell in row.items():
            if column in columns and whole.fullmatch(cell.text) and is_person_name(cell.text):
                found.append(Mention(cell.start, cell.end, "Person", cell.text))
    for head in _NAME_HEADER.finditer(text):
        pos = head.end()
        while (row := _FIRST_CELL.match(text, pos)) and whole.fullmatch(row.group(1)) and is_person_name(row.group(1)):
            found.append(Mention(row.start(1), row.end(1), "Person", row.group(1)))
            pos = text.find("\n", row.end())
            if pos < 0:
                break
            pos += 1
    return found


_NAME_HEADER = re.compile(r"^[|｜ \t]*姓名[ \t|｜\u3000]+[^\n]*\n", re.M)
_FIRST_CELL = re.compile(r"[|｜ \t]*([^\s|｜]+)[ \t|｜\u3000]+[^\n]")


def _between_names(text: str, start: int, end: int, forward: bool) -> bool:
    """A three-character list mate that opens with a word jieba knows (王朝国: 王朝) is a name
    still where the mate on its far side is one (某某、王朝国、某某)."""
    if end - start != 3 or text[end - 1] in _PLACE_TAIL | _PARTICLES:
        return False
    if forward:
        far = _mate().match(text, end + 1) if text[end : end + 1] == "、" else None
        return far is not None and is_person_name(far.group())
    for size in (3, 2):
        c = start - 1 - size
        far = _mate().match(text, c) if c >= 0 and text[start - 1 : start] == "、" else None
        if far and far.end() == start - 1 and is_person_name(far.group()):
            return True
    return False


def _list_mates(text: str, found: list[Mention]) -> list[Mention]:
    """People listed with a named person (村民张三、李四等): each list mate is a person too."""
    mates: list[Mention] = []
    todo = list(found)
    seen = {m.start for m in found}
    while todo:
        person = todo.pop()
        end = person.end
        if text[end : end + 1] in ("（", "("):  # 张三（青禾村党支部书记）、李四: past the note
            close = _CLOSE_BRACKET.search(text, end, end + 30)
            end = close.end() if close else end
        for pos in (end + 1,) if text[end : end + 1] == "、" else ():
            m = _mate().match(text, pos)
            if m and m.start() not in seen and (is_person_name(m.group()) or _between_names(text, m.start(), m.end(), forward=True)):
                mate = Mention(m.start(), m.end(), "Person", m.group())
                mates.append(mate)
                todo.append(mate)
                seen.add(m.start())
        if person.start > 1 and text[person.start - 1] == "、":
            for size in (4, 3, 2):  # 4: a compound surname (上官婉清)
                c = person.start - 1 - size
                m = _mate().match(text, c) if c >= 0 else None
                opens = c == 0 or text[c - 1] in _OPENERS or _role_end().search(text, max(0, c - 6), c) is not None
                named = m is not None and (is_person_name(m.group()) or _between_names(text, m.start(), m.end(), forward=False))
                if m and m.end() == person.start - 1 and opens and m.start() not in seen and named:
                    mate = Mention(m.start(), m.end(), "Person", m.group())
                    mates.append(mate)
                    todo.append(mate)
                    seen.add(m.start())
                    break
    return mates


@lru_cache(maxsize=1)
def _credit_glued() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('byline_words.txt')})[ \u3000：:]*({surname_pattern()}[\u4e00-\u9fff]{{1,2}})")


def _credited_before_place(text: str, out: list[Mention]) -> list[Mention]:
    """A photo's credit run into its caption (通讯员某某某某县某乡…): the name is the two or
    three characters after the byline word that end where a place the text names begins."""
    starts = {m.start for m in out if m.label in PLACE_LABELS}
    found = []
    for m in _credit_glued().finditer(text):
        at = m.start(1)
        size = next((n for n in (3, 2) if at + n in starts and n <= len(m.group(1))), 0)
        name = text[at : at + size]
        if size and is_person_name(name) and not any(o.label == "Person" and o.start == at for o in out):
            found.append(Mention(at, at + size, "Person", name))
    return found


@Language.component("govkg_people", assigns=["doc._.mentions"])
def people(doc: Doc) -> Doc:
    out = mentions(doc)
    text = doc_text(doc)
    found = []
    pattern = _pattern()
    last = pattern.groups
    for m in pattern.finditer(text):
        group = next(i for i in range(1, last + 1) if m.group(i))
        if group < last - 1:
            name, end = m.group(group).replace("\n", ""), m.end(group)
        else:
            name = _fallback_name(text, m.start(group), m.end(group), short=group < last)
            end = m.start(group) + len(name)
        if name and is_person_name(name) and not _inside_word(text, m.start(group), name):
            found.append(Mention(m.start(group), end, "Person", name))
    found.extend(_titled_names(text) + _unit_award_names(text))
    out.extend(found)
    out.extend(_list_mates(text, found))
    out.extend(_names_in(_spaced(), text) + _listed_after_heading(text) + _table_names(text) + _credited(text) + _names_in(_numbered(), text))
    out.extend(_listed_by_place(text))
    out.extend(_credited_before_place(text, out))
    out.extend(_historical_names(text))
    out.extend(_dotted_names(text, out))
    out.extend(_translit_names(text, out))
    return doc
