"""The spaCy pipeline: a blank Chinese model on the jieba segmenter plus our components.

The order of the components is the one list below; build_nlp() builds the
pipeline once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.components import (  # noqa: F401  (importing registers the components)
    admin_places,
    bodies,
    brands,
    enterprises,
    honour_lists,
    honours,
    indicators,
    initiatives,
    layout,
    local_places,
    people,
    projects,
    recipients,
    tagger,
    tidy,
)
from extract.nlp.jieba_setup import quiet_jieba

COMPONENTS: tuple[str, ...] = (
    "govkg_layout",
    "govkg_admin_places",
    "govkg_local_places",
    "govkg_enterprises",
    "govkg_projects",
    "govkg_brands",
    "govkg_honours",
    "govkg_honour_lists",
    "govkg_people",
    "govkg_bodies",
    "govkg_initiatives",
    "govkg_indicators",
    "govkg_tagger",
    "govkg_recipients",
    "govkg_tidy",
)


class _KeepText:
    """spaCy's jieba tokenizer, keeping the input text on the Doc: Doc.text re-joins every
    token on each access, which cost more than all our components together.

    jieba's words already add up to the text, so the Doc is built from them directly
    (whitespace stays a token of its own) instead of re-aligning them with the text
    as spaCy does for segmenters that drop characters."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        words = list(self.tokenizer.jieba_seg.cut(text, cut_all=False))  # never an empty word
        doc = Doc(self.tokenizer.vocab, words=words, spaces=[False] * len(words))
        doc.user_data["govkg_text"] = text
        return doc


@lru_cache(maxsize=2)
def build_nlp(model_dir: str | None = None) -> Language:
    """The pipeline; `model_dir` holds the tagger's models (default: the committed ones)."""
    quiet_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = _KeepText(nlp.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"model_dir": model_dir} if name == "govkg_tagger" else {})
    # load the shared tables and the tagger's models now, not inside the first report
    nlp("湖北省某某街道")
    return nlp


def annotate(nlp: Language, text: str, place: tuple[str, str, str, str] = ("", "", "", ""), disable: tuple[str, ...] = ()) -> Doc:
    """Run the pipeline on `text`, telling the components the report's own place chain
    (province, city, district, sub-district from its metadata) in doc.user_data["govkg_place"]."""
    doc = nlp.make_doc(text)
    doc.user_data["govkg_place"] = place
    for name, proc in nlp.pipeline:
        if name not in disable:
            doc = proc(doc)
    return doc
