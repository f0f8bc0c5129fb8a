"""Named metrics (地区生产总值, 固定资产投资 …) from a word list; their figures are read in relations."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, extend_left
from extract.nlp.lexicon import FUNCTION_TAGS, alternation
from extract.nlp.mention import Mention, mentions


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(alternation("indicators.txt"))


# a metric named by its head (森林覆盖率, 蔬菜种植面积) when a figure follows it
# (农作物秸秆综合利用率, 化肥使用量同比减少4.2%, 茶园面积2.4万亩, 农村生活污水治理率提高到60%)
_HEAD = re.compile(
    f"(?:{alternation('indicator_heads.txt')})"
    r"(?=(?:同比|较上年|比上年)?(?:减少|下降|增长|提高)?(?:达到|达|为|仅为|约为|提高到|提升至|稳定在|保持在|控制在|超过|突破|完成)?\s*\d)"
)
# a bare total after an indicator's figure names the same thing (粮食播种面积4.6万亩，总产量2.1万吨 -> 粮食总产量)
_BARE = re.compile(r"(?<=[，,])(?:总产量|总产值)(?=(?:达到|达|为)?\s*\d)")
_AREA = re.compile(r"(?:播种|种植)?面积$")


@Language.component("govkg_indicators")
def indicators(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    listed = [Mention(m.start(), m.end(), "Indicator", m.group()) for m in _pattern().finditer(text)]
    ends = {m.end for m in listed}
    for m in _HEAD.finditer(text):
        if m.end() in ends:
            continue
        start = extend_left(doc, m.start(), 14, FUNCTION_TAGS)
        if m.start() - start >= 2:
            listed.append(Mention(start, m.end(), "Indicator", text[start : m.end()]))
    for m in _BARE.finditer(text):
        before = [x for x in listed if x.end <= m.start() and m.start() - x.end <= 16]
        if before:
            stem = _AREA.sub("", max(before, key=lambda x: x.end).name)
            if stem and len(stem) <= 4:
                listed.append(Mention(m.start(), m.end(), "Indicator", stem + m.group()))
    out.extend(listed)
    return doc
