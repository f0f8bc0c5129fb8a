"""Search text as Lucene queries for Neo4j's `cjk` full-text index, with no user syntax in them.

The query has already been cut to graph.store.ranking.MAX_QUERY_CHARS (both stores
cut at the same place): a phrase of thousands of characters or hundreds of
wildcard terms makes Lucene give up (TooComplexToDeterminize, TooManyClauses),
which the viewer showed as a 500.
"""

from __future__ import annotations

import re

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK_ONLY = re.compile(f"^[{_CJK}]{{2,}}$")
_RUNS = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")  # what the cjk analyzer keeps: ideograph runs, letter/digit words
_CJK_RUN = re.compile(f"[{_CJK}]{{2,}}")
_SPECIAL = re.compile(r'([\\+\-!():^\[\]"{}~*?|&/])')  # every character Lucene's query syntax gives a meaning
MAX_TERMS = 8  # wildcard and phrase clauses ANDed at most; the ranking checks the whole text anyway


def escape(text: str) -> str:
    """Text with every Lucene syntax character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def phrase_query(query: str) -> str | None:
    """A phrase query when the folded text is two or more CJK characters (the cjk analyzer
    indexes character bigrams, so any such substring of a name matches), else None."""
    return '"' + escape(query) + '"' if _CJK_ONLY.match(query) else None


def term_query(query: str) -> str:
    """A Lucene query finding every indexed name or alias that may contain the folded text:
    each ideograph run of two or more as a phrase (the index holds its bigrams), every other
    run (one ideograph, letters and digits, which the analyzer keeps as whole words) as a
    `*run*` wildcard, all ANDed (the longest MAX_TERMS runs: fewer clauses find a superset).
    Runs hold no Lucene syntax (escaped anyway); punctuation is left out, as the analyzer
    leaves it out, and the ranking then keeps only true substrings."""
    runs = list(dict.fromkeys(_RUNS.findall(query)))
    if len(runs) > MAX_TERMS:
        runs = sorted(runs, key=len, reverse=True)[:MAX_TERMS]
    clauses = [f'"{escape(run)}"' if _CJK_RUN.fullmatch(run) else f"*{escape(run)}*" for run in runs]
    return " AND ".join(clauses)
