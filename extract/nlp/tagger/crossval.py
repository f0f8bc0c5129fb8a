"""k-fold cross-validation of the tagger, split by report, scored end to end by the guideline's rules.

Each fold trains on the other folds plus the team's examples and extracts its
own reports with those models, so every report is scored by models that never
saw it. The figure is the honest one for reports the team has not seen.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from extract.api import extract_source
from extract.evaluate import Scores, score_report
from extract.nlp.pipeline import build_nlp
from extract.nlp.tagger.train import Example, folds, train
from extract.read import read_source


def cross_validate(
    examples: Sequence[Example], gold_dirs: dict[str, Path], extra: Sequence[Example] = (), k: int = 5
) -> dict[str, Scores]:
    """Scores per set (the part of Example.name before '/') and over all, keyed 'all'."""
    scores: dict[str, Scores] = {"all": Scores.empty()}
    for fold in folds(examples, k):
        held = {id(e) for e in fold}
        with tempfile.TemporaryDirectory() as model_dir:
            train([e for e in examples if id(e) not in held] + list(extra), model_dir)
            nlp = build_nlp.__wrapped__(model_dir)  # a fresh pipeline on this fold's models
            for ex in fold:
                part, stem = ex.name.split("/", 1)
                gold = json.loads((gold_dirs[part] / f"{stem}.json").read_text(encoding="utf-8"))
                graph = extract_source(read_source(ex.source), nlp)
                score_report(gold, graph, scores.setdefault(part, Scores.empty()), ex.name)
                score_report(gold, graph, scores["all"], ex.name)
    return scores
