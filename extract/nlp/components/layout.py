"""Sentences and token offsets: every later component cuts on these."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, token_starts

# A sentence ends at 。！？； or a line break; the end mark stays with its sentence.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")


@Language.component("govkg_layout", assigns=["doc._.sentences", "doc._.token_starts"])
def layout(doc: Doc) -> Doc:
    """Sentence spans (start, end) in doc._.sentences, token starts in doc._.token_starts."""
    doc._.sentences = [m.span() for m in _SENTENCE.finditer(doc_text(doc)) if m.group().strip()]
    token_starts(doc)
    return doc
