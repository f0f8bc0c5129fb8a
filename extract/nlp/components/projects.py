"""Named undertakings by their head noun: …项目, …工程, …产业园, …基地, named facilities and roads.

Heads that also make common nouns (中心, 广场, 学校) need a stem with a proper
part (a word jieba does not know, or a place name: （略）); 项目 and
工程 only need a stem that is not a generic phrase (重点项目, 民生工程).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import extend_left, token_starts
from extract.nlp.lexicon import FUNCTION_TAGS, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import has_proper_part, is_masked, strip_mask

_OPEN_HEADS = r"项目(?:[一二三四五六七八九十]期)?|工程(?:[一二三四五六七八九十]期)?|产业园(?:[一二三四五六七八九十]期)?|基地|示范园|小微园|工业园|科技园|园区"
_NAMED_HEADS = r"中心|广场|公园|驿站|书屋|学堂|夜校|大道|步道|公路|漂流|安置点|地块|幼儿园|小学|中学|医院|卫生院|敬老院|度假区|综合体|纺织城|森林公园|湿地公园|景区|片区"
_HEAD = re.compile(rf"(?:{_OPEN_HEADS})|(?P<named>{_NAMED_HEADS})")
_MAX = 34


def _category_pattern() -> re.Pattern[str]:
    kinds = sorted(words("project_categories.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, kinds)) + ")+")


_CATEGORY = _category_pattern()


@Language.component("govkg_projects")
def projects(doc: Doc) -> Doc:
    text = doc.text
    out = mentions(doc)
    generic = words("generic_projects.txt")
    starts = token_starts(doc)
    found: list[Mention] = []
    for m in _HEAD.finditer(text):
        start = extend_left(doc, m.start(), _MAX, FUNCTION_TAGS, verbs_inside=True, allow_latin=True)
        raw = text[start : m.end()]
        name, cut = strip_mask(raw)
        start += cut
        stem = name[: m.start() - start]
        if len(stem) < 2 or is_masked(name) or name in generic or stem in generic:
            continue
        if m.group("named") and not has_proper_part(stem, starts, start):
            continue
        if _CATEGORY.fullmatch(stem):
            continue
        name = name.replace("（", "(").replace("）", ")")
        # 产业园二期 after 产业园: the longer name at the same start replaces the shorter one
        if found and found[-1].start == start and found[-1].end <= m.end():
            found.pop()
        found.append(Mention(start, m.end(), "Project", name))
    out.extend(found)
    return doc
