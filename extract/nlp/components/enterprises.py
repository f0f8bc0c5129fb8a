"""Companies, groups, cooperatives and banks by their legal suffix (有限公司, 集团, 合作社 ...)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, extend_left, token_starts
from extract.nlp.lexicon import FUNCTION_TAGS, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import cut_inner, has_proper_part, is_masked, strip_mask

_SUFFIX = re.compile(
    r"(?:股份)?有限(?:责任)?公司|集团(?:有限公司|公司)?|(?:股份经济|专业)?合作社|(?<!分)公司|农商银行|农村商业银行|银行"
)
_MAX = 32
_KEEP = frozenset({"将", "经", "共", "全", "为", "由"})  # single characters common inside company names
_LEVEL = re.compile(r"^(?:[\d个]*(?:国家级|省级|市级|区级|县级|镇级|乡级|村级|村))")
_BARE = frozenset({"公司", "合作社", "集团", "银行"})  # bare kinds need a proper name before them


@Language.component("govkg_enterprises")
def enterprises(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    generic = words("generic_enterprises.txt")
    last_end = -1
    for m in _SUFFIX.finditer(text):
        start = extend_left(doc, m.start(), _MAX, FUNCTION_TAGS, verbs_inside=True, allow_latin=True, keep=_KEEP)
        start = cut_inner(text, start, m.start())
        raw = text[start : m.end()]
        name, cut = strip_mask(raw)
        level = _LEVEL.match(name)
        if level:
            name, cut = name[level.end() :], cut + level.end()
        stem = name[: len(name) - len(m.group())]
        if len(stem) < 2 or is_masked(name) or stem in generic or name in generic:
            continue
        if m.group() in _BARE and not has_proper_part(stem, token_starts(doc), start + cut):
            continue
        if start < last_end:  # 集团 inside 集团有限公司 was already taken
            continue
        last_end = m.end()
        out.append(Mention(start + cut, m.end(), "Enterprise", name.replace("（", "(").replace("）", ")")))
    return doc
