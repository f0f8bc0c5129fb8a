"""A mention: a span of the report text that names an entity, and where mentions live on a Doc.

Mentions are character spans, not token spans: jieba often splits a name
(徐/古街) or glues it to its neighbour (岗村), so names are cut on characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str
    name: str  # the name as the guideline writes it (quotes gone, shared suffix expanded)
    properties: dict = field(default_factory=dict)


for _attr, _default in (("mentions", None), ("sentences", None), ("figures", None)):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=_default)


def mentions(doc: Doc) -> list[Mention]:
    """The doc's mention list, created on first use."""
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions
