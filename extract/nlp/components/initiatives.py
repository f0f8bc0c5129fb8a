"""Named campaigns and programmes: a quoted name followed by 行动/活动/攻坚战 … (“百日攻坚”行动)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.lexicon import alternation
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import is_masked

_CAMPAIGN = re.compile(rf"[“\"]([^”\"\n]{{2,20}})[”\"]({alternation('initiative_heads.txt')})")


@Language.component("govkg_initiatives", assigns=["doc._.mentions"])
def initiatives(doc: Doc) -> Doc:
    out = mentions(doc)
    for m in _CAMPAIGN.finditer(doc_text(doc)):
        if m.group(2) == "工程":  # a quoted …工程 is a project (“幸福工程”)
            continue
        name = m.group(1) + m.group(2)
        if not is_masked(name):
            out.append(Mention(m.start(), m.end(), "Initiative", name))
    return doc
