"""Party, government and social bodies (区委, 党工委, 司法所, 妇联 ...) from a word list."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.lexicon import alternation
from extract.nlp.mention import Mention, mentions
from graph.model import PLACE_LABELS


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(alternation("bodies.txt"))


@Language.component("govkg_bodies", requires=["doc._.mentions"], assigns=["doc._.mentions"])
def bodies(doc: Doc) -> Doc:
    """Bodies as written, with the place that owns them when it comes first (樟溪镇党委)."""
    text = doc_text(doc)
    out = mentions(doc)
    place_by_end = {m.end: m for m in out if m.label in PLACE_LABELS}
    place_by_end.update({m.end - 1: m for m in out if m.label in PLACE_LABELS})
    for m in _pattern().finditer(text):
        owner = place_by_end.get(m.start()) or place_by_end.get(m.start() + 1)
        if owner is not None and owner.start < m.start() <= owner.end:
            out.append(Mention(owner.start, m.end(), "Organization", text[owner.start : m.end()]))
        else:
            out.append(Mention(m.start(), m.end(), "Organization", m.group()))
    return doc
