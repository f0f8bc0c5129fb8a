"""Regular expressions that scan a whole report, behind a guard on their first character,
and where the last match before a point ends (the clause or sentence a word stands in).

Python's re tries every branch of an alternation at every position of the text (it
skips ahead only for a plain literal prefix), so a pattern of many alternatives costs
tens of tests per character. A lookahead for the characters a match can start with
rejects most positions with one set test; the matches stay exactly the same as long
as `firsts` holds every character a match can start with (more does no harm).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache


def guarded(firsts: Iterable[str], pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern`, tried only where the text holds the first character of one of `firsts`
    (a string gives its characters; a word list gives its words' first characters)."""
    chars = "".join(sorted({s[0] for s in firsts if s}))
    return re.compile(f"(?=[{re.escape(chars)}])(?:{pattern})", flags)


_LOOKAROUND = re.compile(r"\(\?<?[=!][^()]*\)")


def branch_heads(alternation: str) -> list[str]:
    """The top-level branches of a plain word alternation (项目|(?<!宅)基地|小学(?!习|生)),
    lookarounds dropped: the words whose first characters guard it, so the guard cannot
    fall out of step with the words. Refuses a branch that opens with anything but a literal."""
    branches, depth, start, escaped = [], 0, 0, False
    for i, char in enumerate(alternation):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(alternation[start:i])
            start = i + 1
    branches.append(alternation[start:])
    heads = [_LOOKAROUND.sub("", branch) for branch in branches]
    for head in heads:
        if not head or head[0] in "\\()[].^$*+?{|":
            raise ValueError(f"not a plain word branch: {head!r} in {alternation!r}")
    return heads


@cache
def _run_patterns(chars: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(f"[{chars}]"), re.compile(f"[{chars}]*")


def matches_in_runs(pattern: re.Pattern[str], anchor: re.Pattern[str], chars: str, text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)`, sought only in the runs of `chars` (a character class's
    body) that hold a match of `anchor`: a pattern of many tries at every position costs
    far more than finding its rare anchor. The matches are exactly the same as long as
    every match of `pattern` (its lookarounds included) is made of `chars` alone and holds
    a match of `anchor`: then each lies inside one run, which no earlier match reaches into."""
    char, run = _run_patterns(chars)
    found: list[re.Match[str]] = []
    done = 0  # where the last run searched ends
    for hit in anchor.finditer(text):
        if hit.start() < done:
            continue
        start = hit.start()
        while start > 0 and char.match(text, start - 1):
            start -= 1
        done = run.match(text, hit.start()).end()
        found.extend(pattern.finditer(text, start, done))
    return found


def after_last(pattern: re.Pattern[str], text: str, start: int, end: int, default: int | None = None) -> int:
    """Where the last match of `pattern` in text[start:end] ends (the clause a word stands in
    opens after its last comma), else `default` (`start` when not given)."""
    return max((m.end() for m in pattern.finditer(text, start, end)), default=start if default is None else default)


# the count closing a list of who receives (柳湾村等4个村, 张三等13人): 等, a number, a unit, a kind
COUNTED_MATES = r"等[\d一二两三四五六七八九十百]+[个名家位所户人][\u4e00-\u9fff]{0,6}?"
