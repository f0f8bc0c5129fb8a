"""Party, government and social bodies (区委, 党工委, 司法所, 妇联 ...) from a word list."""

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
    names = sorted(words("bodies.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@Language.component("govkg_bodies")
def bodies(doc: Doc) -> Doc:
    out = mentions(doc)
    out.extend(Mention(m.start(), m.end(), "Organization", m.group()) for m in _pattern().finditer(doc_text(doc)))
    return doc
