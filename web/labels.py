"""How each label looks, in one place for the explorer, legend, entity and report pages.

All of it comes from the label registry (graph/labels.toml, read by graph.labels): the
colour and Cytoscape shape of each label (Report included), its Chinese name, and the
words a search names it by.
"""

from __future__ import annotations

from graph.labels import REGISTRY
from graph.model import LABELS

# colour, Cytoscape node shape; places share warm colours and round shapes.
LABEL_STYLE: dict[str, dict[str, str]] = REGISTRY.styles

assert set(LABELS) <= set(LABEL_STYLE), "every label needs a style"

# Chinese names shown beside the English label.
LABEL_NAMES: dict[str, str] = REGISTRY.chinese

_BY_PREFIX = {label.lower(): label for label in LABELS}


def label_of_id(entity_id: str) -> str | None:
    """Entity ids start with the lower-cased label (graph.model.entity_id)."""
    return _BY_PREFIX.get(entity_id.split("-", 1)[0])


def label_named(text: str) -> str | None:
    """The label a query names, in English (any case, plural too) or Chinese: "village",
    "Villages", "村" -> "Village"; None when the text names no label (Report is none)."""
    key = text.strip().casefold()
    return REGISTRY.words.get(key) if key else None
