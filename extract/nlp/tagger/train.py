"""Train the tagger's CRFs on gold, and cross-validate them by report.

Training data are pairs of (reports folder, gold folder): the seeds, the dev
excerpts, the team's examples and its fictional corpus. The blind test sets are never
read: a folder named `check`, `heldout` or `heldout-gold` is refused.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from extract.evaluate import gold_reports
from extract.nlp.boundaries import doc_text, token_starts
from extract.nlp.pipeline import COMPONENTS, annotate, build_nlp
from extract.nlp.tagger.align import bio_labels
from extract.nlp.tagger.features import sentence_features
from extract.nlp.tagger.layers import LAYERS, model_path
from extract.read import read_source

# L-BFGS with elastic net; chosen by cross-validation (docs/quality.md)
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
# test sets that are only ever scored: the blind check set and the team's held-out corpus
BLIND = frozenset({"check", "heldout", "heldout-gold"})
_AFTER_LAYOUT = tuple(name for name in COMPONENTS if name != "govkg_layout")


@dataclass
class Example:
    """One gold report, featurised once."""

    name: str
    source: str
    sentences: list[tuple[int, int]]
    features: list[list[list[str]]]  # per sentence
    labels: dict[str, list[str]]  # layer -> BIO per character


def load_examples(pairs: Sequence[tuple[str | Path, str | Path]]) -> list[Example]:
    """Featurise every gold report of the given (reports dir, gold dir) pairs."""
    nlp = build_nlp()
    out = []
    for reports, gold_dir in pairs:
        if BLIND & {Path(reports).name, Path(gold_dir).name}:
            raise ValueError(f"{reports} / {gold_dir}: a blind test set (check, heldout) is never used for training")
        for stem, gold, report in gold_reports(gold_dir, reports):
            if report is None:
                continue
            entities = gold["entities"]
            # the features read only the words and sentences, so only the layout step runs
            doc = annotate(nlp, read_source(report).text, disable=_AFTER_LAYOUT)
            text = doc_text(doc)
            feats = sentence_features(text, token_starts(doc), doc._.sentences)
            labels = {
                layer: bio_labels(text, [(e["label"], e["name"]) for e in entities if e["label"] in wanted])
                for layer, wanted in LAYERS.items()
            }
            out.append(Example(f"{Path(reports).name}/{stem}", str(report), doc._.sentences, feats, labels))
    return out


def train(examples: Sequence[Example], out_dir: str | Path, params: dict | None = None) -> Path:
    """Train one CRF per layer into out_dir; returns out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for layer in LAYERS:
        trainer = pycrfsuite.Trainer(verbose=False)
        for ex in examples:
            for (start, end), feats in zip(ex.sentences, ex.features, strict=True):
                trainer.append(feats, ex.labels[layer][start:end])
        trainer.set_params({**PARAMS, **(params or {})})
        trainer.train(str(model_path(out, layer)))
    (out / "TRAINED_ON.txt").write_text("\n".join(ex.name for ex in examples) + "\n", encoding="utf-8")
    return out


def folds(examples: Sequence[Example], k: int, seed: int = 13) -> list[list[Example]]:
    """k folds split by report (a report is never in two)."""
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    return [shuffled[i::k] for i in range(k)]


def train_default(out_dir: str | Path | None = None) -> Path:
    """Train the committed models from TRAINING_SETS (what `govkg train` runs)."""
    from extract.nlp.tagger.corpus import TRAINING_SETS
    from extract.nlp.tagger.layers import MODEL_DIR

    return train(load_examples(TRAINING_SETS), out_dir or MODEL_DIR)
