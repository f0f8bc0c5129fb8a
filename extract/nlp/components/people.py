"""Named people: a 2-3 character name after a role (书记, 主任, 村民 …) or before 同志 / an award verb."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.lexicon import jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.patterns import guarded

_ROLES = (
    "书记|副书记|主任|副主任|主席|委员|负责人|村民|居民|镇长|乡长|站长|所长|队长|组长|网格员|党员|代表|干部|"
    "老党员|退役军人|志愿者|医生|教师|校长|社长|会长|理事长|董事长|总经理|村医|能人|乡贤|致富带头人|"
    "人员|技师|工程师|员工|职工|农民|创业者|返乡青年|大学生"
)
_AFTER = r"同志|荣获|获评|被评为|被授予|入选|获得|带头|带领|带队|创办|等人|牵头|主持|调研|走访"
_AWARD = r"荣获|获评|被评为|被授予"
_PLACE_TAIL = frozenset("村街镇乡区县市社园司厂站所局委会")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    surnames = "".join(sorted(words("surnames.txt")))
    name = rf"([{surnames}][\u4e00-\u9fff]{{1,2}}?)"
    return guarded(
        [*_ROLES.split("|"), *surnames],  # a match opens with a role or a surname
        rf"(?:(?:{_ROLES})\s?{name}(?={_AFTER}|[，,、；;。]|\s))|(?:{name}(?=同志))|(?:(?<=[，,；;。\n]){name}(?={_AWARD}))",
    )


@lru_cache(maxsize=1)
def _mate() -> re.Pattern[str]:
    """A name in a list, between separators: 张三、李四、王五等."""
    surnames = "".join(sorted(words("surnames.txt")))
    return re.compile(rf"[{surnames}][\u4e00-\u9fff]{{1,2}}(?=[、，,；;。等\s]|同志|被|{_AWARD})")


_OPENERS = frozenset("、，,；;。：:\n（( ")
_ROLE_END = re.compile(rf"(?:{_ROLES}|表彰|表扬)$")


def _is_name(name: str) -> bool:
    tag = jieba_tags().get(name)
    return name not in words("public_figures.txt") and name[-1] not in _PLACE_TAIL and tag in (None, "nr", "nrfg", "nrt")


def _list_mates(text: str, found: list[Mention]) -> list[Mention]:
    """People listed with a named person (村民张三、李四等): each list mate is a person too."""
    mates: list[Mention] = []
    todo = list(found)
    seen = {m.start for m in found}
    while todo:
        person = todo.pop()
        for pos in (person.end + 1,) if text[person.end : person.end + 1] == "、" else ():
            m = _mate().match(text, pos)
            if m and m.start() not in seen and _is_name(m.group()):
                mate = Mention(m.start(), m.end(), "Person", m.group())
                mates.append(mate)
                todo.append(mate)
                seen.add(m.start())
        if person.start > 1 and text[person.start - 1] == "、":
            for size in (3, 2):
                c = person.start - 1 - size
                m = _mate().match(text, c) if c >= 0 else None
                opens = c == 0 or text[c - 1] in _OPENERS or _ROLE_END.search(text, max(0, c - 6), c) is not None
                if m and m.end() == person.start - 1 and opens and m.start() not in seen and _is_name(m.group()):
                    mate = Mention(m.start(), m.end(), "Person", m.group())
                    mates.append(mate)
                    todo.append(mate)
                    seen.add(m.start())
                    break
    return mates


@Language.component("govkg_people")
def people(doc: Doc) -> Doc:
    out = mentions(doc)
    text = doc_text(doc)
    found = []
    for m in _pattern().finditer(text):
        group = next(i for i in (1, 2, 3) if m.group(i))
        name = m.group(group)
        if _is_name(name):
            found.append(Mention(m.start(group), m.end(group), "Person", name))
    out.extend(found)
    out.extend(_list_mates(text, found))
    return doc
