"""Named metrics (地区生产总值, 固定资产投资 …) from a word list; their figures are read in relations."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.lexicon import words
from extract.nlp.mention import Mention, mentions


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(words("indicators.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@Language.component("govkg_indicators")
def indicators(doc: Doc) -> Doc:
    out = mentions(doc)
    out.extend(Mention(m.start(), m.end(), "Indicator", m.group()) for m in _pattern().finditer(doc_text(doc)))
    return doc
