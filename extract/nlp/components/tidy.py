"""Last step: drop masked names, duplicates, and names nested in a longer name of the same label."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.lexicon import alternation
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import is_masked

# Labels whose mentions inside a longer one of the same label are parts, not names
# (青溪镇卫生院 inside 青溪镇卫生院综合楼项目).
_NESTING = frozenset({"Project", "Enterprise", "Honour", "Organization", "Indicator"})


_ADMIN = frozenset({"Province", "City", "District"})
_ZONE_END = re.compile(f"(?:{alternation('zone_suffixes.txt')}|园区)$")


def is_zone(name: str) -> bool:
    return bool(_ZONE_END.search(name))
_NAMES = frozenset({"Enterprise", "Project"})
_LOCAL = frozenset({"Subdistrict", "Village", "Community"})  # 湘潭 in 湘潭镇 is part of the town's name


def tidy_mentions(found: list[Mention]) -> list[Mention]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    name_end = -1
    inside: set[int] = set()  # short admin forms that only open a longer name (湖南 in 湖南远航…有限公司)
    for m in found:
        if m.label in _ADMIN and m.end <= name_end and (m.name != m.properties.get("key", m.name) or is_zone(m.name)):
            inside.add(id(m))  # a short form or a zone only: 湘潭市 in 湘潭市…有限公司 is a place (guideline)
        if m.label in _NAMES or m.label in _LOCAL or (m.label == "District" and is_zone(m.name)):
            name_end = max(name_end, m.end)  # 常州 in 常州高新区 is part of the zone's name
    honours = [(m.start, m.end) for m in found if m.label == "Honour"]
    for m in found:  # a title is not a project (全国生态文化基地 after 获评)
        if m.label == "Project" and any(a <= m.start and m.end <= b for a, b in honours):
            inside.add(id(m))
    for m in found:  # a region opening a company name still tells the fullest form (湘潭市)
        if id(m) in inside and m.label in _ADMIN:
            m.properties["nested"] = True
    found = [m for m in found if id(m) not in inside or m.properties.get("nested")]
    kept: list[Mention] = []
    open_ends: dict[str, int] = {}
    seen: set[tuple[int, int, str]] = set()
    for m in found:
        key = (m.start, m.end, m.label)
        if key in seen or is_masked(m.name):
            continue
        if m.label in _NESTING and m.end <= open_ends.get(m.label, -1):
            continue
        seen.add(key)
        open_ends[m.label] = max(open_ends.get(m.label, -1), m.end)
        kept.append(m)
    return kept


@Language.component("govkg_tidy", requires=["doc._.mentions"], assigns=["doc._.mentions", "doc.spans"])
def tidy(doc: Doc) -> Doc:
    """The final mentions, also as spaCy Spans in doc.spans["mentions"] (token-aligned,
    widened to whole tokens) so spaCy's scorer and span components can read them."""
    kept = doc._.mentions = tidy_mentions(mentions(doc))
    spans = (doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand") for m in kept)
    doc.spans["mentions"] = [s for s in spans if s is not None]
    return doc
