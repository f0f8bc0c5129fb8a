"""Gold names to character labels: each gold name is found wherever the text writes it.

Gold lists names, not offsets, so a name is searched in the text as the scorer
sees it (quotes, brackets and spaces dropped, width folded) and mapped back.
Within one layer the longer name wins where two overlap.
"""

from __future__ import annotations

import unicodedata

from extract.evaluate import score_name


def normalised_with_map(text: str) -> tuple[str, list[int]]:
    """The text as the scorer compares names, and for each of its chars the offset in `text`."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = score_name(ch)
        if not folded:
            continue
        for c in unicodedata.normalize("NFKC", folded):
            chars.append(c)
            where.append(i)
    return "".join(chars), where


def bio_labels(text: str, names: list[tuple[str, str]]) -> list[str]:
    """BIO tags over `text` for (label, name) pairs of one layer (the tags a CRF learns)."""
    norm, where = normalised_with_map(text)
    spans: list[tuple[int, int, str]] = []
    for label, name in names:
        key = score_name(name)
        if len(key) < 2:
            continue
        pos = norm.find(key)
        while pos >= 0:
            spans.append((where[pos], where[pos + len(key) - 1] + 1, label))
            pos = norm.find(key, pos + 1)
    tags = ["O"] * len(text)
    taken = [False] * len(text)
    for start, end, label in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(taken[start:end]):
            continue
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
            taken[i] = True
        taken[start] = True
    return tags


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each B-I run."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            out.append((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return out
