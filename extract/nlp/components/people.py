"""Named people: a 2-3 character name after a role (data/person_roles.txt), in a byline, or
before 同志 / an award verb; and the names listed with one."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.lexicon import alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.patterns import guarded

_AWARD = r"荣获|获评|被评为|被授予"


@lru_cache(maxsize=1)
def _roles() -> str:
    return alternation("person_roles.txt")


@lru_cache(maxsize=1)
def _after() -> str:
    return alternation("person_after.txt")


_CLOSE_BRACKET = re.compile(r"[）)]")
_HONORIFICS = ("先生", "女士", "老师", "师傅", "大爷", "大妈", "阿姨")  # 王先生 names nobody
_PLACE_TAIL = frozenset("村街镇乡区县市社园司厂站所局委会")


@lru_cache(maxsize=1)
def surname_pattern() -> str:
    """A surname: a compound one (欧阳, 上官) before the single characters, so 欧阳明华 is not 阳明华."""
    names = words("surnames.txt")
    singles = "".join(sorted(n for n in names if len(n) == 1))
    compounds = "|".join(sorted(n for n in names if len(n) > 1))
    return rf"(?:{compounds}|[{singles}])"


# how many people a list names before they are called comrades (等3名同志, 2位同志)
_COUNTED = r"等?[\d一二两三四五六七八九十]+[名位](?:同志|干部|党员|个人|村民|群众)|等同志"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """A name after a role (乡长刘国栋), in a byline (通讯员 程晓梅), between a body and its
    role (市委李建华书记), before 同志, opening a clause before an award verb, or alone
    after the closing date of a report (2016年11月2日 许文杰)."""
    name = rf"({surname_pattern()}[\u4e00-\u9fff]{{1,2}}?)"
    roles, after, award, byline = _roles(), _after(), alternation("award_verbs.txt"), alternation("byline_words.txt")
    return guarded(
        [*roles.split("|"), *words("byline_words.txt"), *words("surnames.txt"), " ", "\u3000", "\t"],  # what a match opens with
        rf"(?:(?:{roles})[\s：:]?{name}(?={after}|{award}|[，,、；;。]|\s|$))"
        rf"|(?:{name}(?=同志|烈士|先生|女士|院士|教授|{_COUNTED}|[（(][^）)\n]{{0,24}}?(?:{roles})[）)]|[，,（(]\s?[男女][，,、）)]))"
        rf"|(?:(?<=[”。，,])\s?{name}(?=说|表示|介绍|坦言|感慨|告诉记者|笑着说))"
        rf"|(?:(?<=[，,；;。\n]){name}(?={_AWARD}))"
        rf"|(?:(?:{byline})[\s：:]*(?:[^\s：:，,。；;（）()]{{2,16}}[ \u3000\t]+)?{name}(?=[\s）)，,、；;。]|文|$))"
        rf"|(?:(?<=[委府]){name}(?=书记|副书记|主任|镇长|乡长|区长|县长|市长))"
        rf"|(?:(?:(?<=[，,、；;。：:（(“\s])|^){name}(?=(?:副)?(?:书记|镇长|乡长|区长|县长|市长|主任)(?:[，,、；;。\s]|强调|指出|表示|介绍|说|带队|主持|参加|出席|一行)))"
        rf"|(?:(?<=日)[ \u3000\t]+{name}[ \u3000\t]*$)"
        rf"|(?:(?<=授予){name}(?=[、，,]|同志))"
        rf"|(?:(?:{alternation('person_head_roles.txt')})({surname_pattern()}[\u4e00-\u9fff]{{2}}))",
        re.M,
    )


@lru_cache(maxsize=1)
def _mate() -> re.Pattern[str]:
    """A name in a list, between separators: 张三、李四、王五等."""
    return re.compile(rf"{surname_pattern()}[\u4e00-\u9fff]{{1,2}}(?=[、，,；;。等\s]|同志|被|{_AWARD}|{_COUNTED})")


_OPENERS = frozenset("、，,；;。：:\n（( ")
@lru_cache(maxsize=1)
def _role_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{_roles()}|表彰|表扬|授予|追授)$")


def is_person_name(name: str) -> bool:
    tag = jieba_tags().get(name)
    return (
        name not in words("public_figures.txt") and name[-1] not in _PLACE_TAIL and tag in (None, "nr", "nrfg", "nrt")
        and not name.endswith(_HONORIFICS)
    )


def _fallback_name(text: str, start: int, end: int) -> str:
    """Three characters after a head role, or two where the third begins a word (王明全年 ->
    王明); none where they hold an ordinary word (主任车辆…)."""
    tags = jieba_tags()
    name = text[start:end]
    if any(tags.get(name[i : i + 2], "nr") not in ("nr", "nrfg", "nrt") for i in (0, 1)):
        return ""
    if text[end - 1 : end + 1] in tags:
        return name[:2]
    return name


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
            if m and m.start() not in seen and is_person_name(m.group()):
                mate = Mention(m.start(), m.end(), "Person", m.group())
                mates.append(mate)
                todo.append(mate)
                seen.add(m.start())
        if person.start > 1 and text[person.start - 1] == "、":
            for size in (4, 3, 2):  # 4: a compound surname (上官婉清)
                c = person.start - 1 - size
                m = _mate().match(text, c) if c >= 0 else None
                opens = c == 0 or text[c - 1] in _OPENERS or _role_end().search(text, max(0, c - 6), c) is not None
                if m and m.end() == person.start - 1 and opens and m.start() not in seen and is_person_name(m.group()):
                    mate = Mention(m.start(), m.end(), "Person", m.group())
                    mates.append(mate)
                    todo.append(mate)
                    seen.add(m.start())
                    break
    return mates


@Language.component("govkg_people", assigns=["doc._.mentions"])
def people(doc: Doc) -> Doc:
    out = mentions(doc)
    text = doc_text(doc)
    found = []
    pattern = _pattern()
    last = pattern.groups
    for m in pattern.finditer(text):
        group = next(i for i in range(1, last + 1) if m.group(i))
        name = m.group(group) if group < last else _fallback_name(text, m.start(group), m.end(group))
        if name and is_person_name(name):
            found.append(Mention(m.start(group), m.start(group) + len(name), "Person", name))
    out.extend(found)
    out.extend(_list_mates(text, found))
    return doc
