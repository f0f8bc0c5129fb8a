"""Short company names (恒固新材料, 微澜) used after the report gave the full name
(长沙恒固新材料科技有限公司): the longest head of the name's core found elsewhere in the text."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.components.admin_places import automaton
from extract.nlp.boundaries import token_starts
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import has_proper_part
from graph.model import PLACE_LABELS

_LEGAL = re.compile(r"(?:(?:股份)?有限(?:责任)?公司|集团(?:有限公司|公司)?|(?:股份经济|专业)?合作社|公司)$")
_REGION_TAIL = re.compile(r"\([^)]*\)$")
_MIN = 2


def core(name: str) -> str:
    """The distinctive part of a company name: no region ahead, no legal form behind."""
    body = _LEGAL.sub("", name)
    body = _REGION_TAIL.sub("", body)
    auto = automaton()
    changed = True
    while changed:
        changed = False
        for end, (size, *_rest) in auto.iter(body):
            if end + 1 - size == 0 and size < len(body) - 1:
                body = body[size:]
                changed = True
                break
    return body


@Language.component("govkg_brands")
def brands(doc: Doc) -> Doc:
    text = doc.text
    out = mentions(doc)
    companies = [m for m in out if m.label == "Enterprise"]
    covered = [(m.start, m.end) for m in out if m.label not in ("Project", "Honour")]
    places = [m.name for m in out if m.label in PLACE_LABELS]
    starts = set(token_starts(doc))
    seen: set[str] = set()
    for company in companies:
        head = core(company.name)
        if not has_proper_part(head, [], 0, first_only=True) and not has_proper_part(head[:2], [], 0):
            continue
        if len(head) < _MIN or head in seen or any(p.startswith(head[:_MIN]) for p in places):
            continue
        seen.add(head)
        pos = text.find(head[:_MIN])
        while pos >= 0:
            if pos in starts and not any(a <= pos < b for a, b in covered):
                size = _MIN
                while size < len(head) and text.startswith(head[: size + 1], pos):
                    size += 1
                out.append(Mention(pos, pos + size, "Enterprise", head[:size], {"brand_of": company.name}))
            pos = text.find(head[:_MIN], pos + 1)
    return doc
