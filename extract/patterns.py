"""Regular expressions that scan a whole report, behind a guard on their first character.

Python's re tries every branch of an alternation at every position of the text (it
skips ahead only for a plain literal prefix), so a pattern of many alternatives costs
tens of tests per character. A lookahead for the characters a match can start with
rejects most positions with one set test; the matches stay exactly the same as long
as `firsts` holds every character a match can start with (more does no harm).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def guarded(firsts: Iterable[str], pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern`, tried only where the text holds the first character of one of `firsts`
    (a string gives its characters; a word list gives its words' first characters)."""
    chars = "".join(sorted({s[0] for s in firsts if s}))
    return re.compile(f"(?=[{re.escape(chars)}])(?:{pattern})", flags)
