"""The tagger's layers: one CRF per layer, so a name can hold another (远舟 inside
远舟锻造项目). Adding a learned label means adding it to one layer here."""

from __future__ import annotations

from pathlib import Path

LAYERS: dict[str, tuple[str, ...]] = {
    "names": ("Project", "Honour"),
    "actors": ("Enterprise", "Person"),
}
LAYER_OF: dict[str, str] = {label: layer for layer, labels in LAYERS.items() for label in labels}
LEARNED_LABELS: frozenset[str] = frozenset(label for labels in LAYERS.values() for label in labels)
MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "tagger"


def model_path(directory: Path, layer: str) -> Path:
    return directory / f"{layer}.crfsuite"
# Labels where a rule's span wins an overlap with the model's (components/tagger.merge).
# Cross-validated on seeds + dev (docs/quality.md), the model adds most where no rule
# fired and loses where it overrides one, so today it is every learned label.
RULES_FIRST: frozenset[str] = LEARNED_LABELS
