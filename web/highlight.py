"""Cut a report's text into spans for display: entity mentions marked by label
(like displaCy) and anchors at every sentence an evidence link can point to.

Offsets come from the store (Evidence.start, Evidence.marks) and refer to the
report's cleaned text, so the text is never re-analysed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Span:
    start: int
    text: str
    label: str = ""  # entity label when the span is a mention
    entity_id: str = ""
    anchors: list[int] = field(default_factory=list)  # offsets that start here


def mention_marks(rows: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, entity id) of each mention, from MENTIONS evidence."""
    marks = set()
    for row in rows:
        if row["type"] != "MENTIONS":
            continue
        node = row["target_node"]
        for ev in row["evidence"]:
            for start, end in ev.get("marks") or ():
                marks.add((int(start), int(end), node["label"], node["id"]))
    return sorted(marks)


def evidence_sentences(rows: list[dict[str, Any]]) -> dict[int, int]:
    """Sentence start -> end for every evidence of the report's facts."""
    sentences: dict[int, int] = {}
    for row in rows:
        for ev in row["evidence"]:
            start, end = int(ev["start"]), int(ev["end"])
            sentences[start] = max(end, sentences.get(start, end))
    return sentences


def spans(text: str, marks: list[tuple[int, int, str, str]], anchors: set[int]) -> list[Span]:
    """The text as consecutive spans; overlapping marks keep the earlier, longer one."""
    size = len(text)
    chosen: list[tuple[int, int, str, str]] = []
    last_end = 0
    for start, end, label, eid in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if 0 <= start < end <= size and start >= last_end:
            chosen.append((start, end, label, eid))
            last_end = end
    anchors = {a for a in anchors if 0 <= a <= size}
    cuts = sorted({0, size} | anchors | {m[0] for m in chosen} | {m[1] for m in chosen})
    by_start = {m[0]: m for m in chosen}
    result: list[Span] = []
    current: tuple[int, int, str, str] | None = None
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a in by_start:
            current = by_start[a]
        if current is not None and a >= current[1]:
            current = None
        span = Span(start=a, text=text[a:b], anchors=[a] if a in anchors else [])
        if current is not None:
            span.label, span.entity_id = current[2], current[3]
        result.append(span)
    if size == 0 or (anchors and size in anchors):
        result.append(Span(start=size, text="", anchors=[size] if size in anchors else []))
    return result


def section_tree(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Report.sections (flat, with parent ids) as nested nodes with `children`."""
    nodes = {s["id"]: {**s, "children": []} for s in sections}
    roots = []
    for s in sections:
        parent = nodes.get(s.get("parent"))
        (parent["children"] if parent is not None else roots).append(nodes[s["id"]])
    return roots


def sentence_parts(evidence: dict[str, Any]) -> list[tuple[str, bool]]:
    """An evidence sentence as (text, is_mention) parts; marks are report offsets."""
    sentence, base = evidence["sentence"], int(evidence["start"])
    parts: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted((int(a) - base, int(b) - base) for a, b in evidence.get("marks") or ()):
        start, end = max(start, pos), min(end, len(sentence))
        if start >= end:
            continue
        if start > pos:
            parts.append((sentence[pos:start], False))
        parts.append((sentence[start:end], True))
        pos = end
    if pos < len(sentence) or not parts:
        parts.append((sentence[pos:], False))
    return parts
