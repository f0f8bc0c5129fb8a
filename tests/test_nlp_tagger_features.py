"""The tagger's known-feature path: the training features, filtered to what the models know."""

from __future__ import annotations

from pathlib import Path

from extract.nlp.boundaries import token_starts
from extract.nlp.components.tagger import known_attributes
from extract.nlp.pipeline import annotate, build_nlp
from extract.nlp.tagger.features import known_sentence_features, sentence_features
from extract.nlp.tagger.layers import MODEL_DIR
from extract.read import read_source

KINDS = {"c", "c-1", "c+1", "b-1", "b+1", "t-1", "wt", "w", "pw", "nw"}


def test_known_features_are_the_full_features_the_models_know() -> None:
    """The tagger builds only the features its models know; they must be the training
    features, filtered, in the same order (CRFsuite drops the rest when tagging)."""
    known = known_attributes(str(MODEL_DIR))
    assert known and all(attr.split("=", 1)[0] in KINDS for attr in known)
    nlp = build_nlp()
    for path in sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))[:4]:
        text = read_source(path).text + "\n字\t词 一\t个"  # tabs: the training features split words at them
        doc = annotate(nlp, text)
        starts, sentences = token_starts(doc), doc._.sentences
        full = sentence_features(text, starts, sentences)
        filtered = known_sentence_features(text, starts, sentences, known)
        assert [[[f.decode() for f in row] for row in s] for s in filtered] == [[[f for f in row if f in known] for row in s] for s in full]
        # with every feature known, the very same lists
        everything = frozenset(f for s in full for row in s for f in row)
        assert [[[f.decode() for f in row] for row in s] for s in known_sentence_features(text, starts, sentences, everything)] == full
