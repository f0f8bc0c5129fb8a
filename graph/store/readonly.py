"""Refuse Cypher that writes before it reaches the database (the console and `govkg query`).

This is the first of two locks: the query is tokenised (strings, comments and
backticked names are skipped, so `RETURN 'CREATE'` is fine) and rejected when a
write or admin clause appears. The second lock is the database itself: the
store runs user queries in a READ_ACCESS session inside `execute_read`, so a
write the tokenizer missed still fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class ReadOnlyViolation(ValueError):
    """The query would change the database (or administer it)."""


# Clause keywords that write or administer, wherever they stand as a clause.
WRITE_KEYWORDS = frozenset(
    {
        "CREATE",
        "MERGE",
        "DELETE",
        "DETACH",
        "NODETACH",
        "SET",
        "REMOVE",
        "DROP",
        "FOREACH",
        "LOAD",
        "INSERT",
        "ALTER",
        "RENAME",
        "GRANT",
        "DENY",
        "REVOKE",
        "TERMINATE",
        "PERIODIC",
    }
)
# Two-word forms: (first, second) both as clause words.
WRITE_PAIRS = frozenset({("IN", "TRANSACTIONS"), ("START", "DATABASE"), ("STOP", "DATABASE"), ("ENABLE", "SERVER")})
# Procedures: admin namespaces refused entirely, others refused when a part of the name writes.
ADMIN_NAMESPACES = ("dbms.",)
APOC_READ_NAMESPACES = ("apoc.meta.", "apoc.path.", "apoc.algo.", "apoc.neighbors.", "apoc.help")
WRITE_NAME_PARTS = re.compile(
    r"(^|\.)(create|merge|drop|delete|remove|set|clear|kill|terminate|refactor|periodic|trigger|load|import)",
    re.IGNORECASE,
)

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<param>\$(?:[^\W\d]\w*|\d+))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<symbol>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # word, quoted, string, param, number, symbol
    text: str
    pos: int


def tokenize(query: str) -> list[Token]:
    """Cypher tokens without whitespace and comments. An unterminated string or comment
    falls apart into symbols and words, so whatever it hides is still checked."""
    return [
        Token(m.lastgroup or "symbol", m.group(), m.start())
        for m in _TOKEN.finditer(query)
        if m.lastgroup not in ("space", "comment")
    ]


def _is_clause_word(tokens: list[Token], i: int) -> bool:
    """A bare word that is not a property key (`n.set`), label or type (`:Set`, `|Delete`), or map key (`{set: 1}`)."""
    if tokens[i].kind != "word":
        return False
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return before not in (".", ":", "|", "&", "!", "$") and after != ":"


def _procedure_name(tokens: list[Token], i: int) -> str:
    """The dotted name after CALL at index i (empty for a CALL { subquery })."""
    parts: list[str] = []
    j = i + 1
    while j < len(tokens) and tokens[j].kind in ("word", "quoted"):
        parts.append(tokens[j].text.strip("`"))
        if j + 1 < len(tokens) and tokens[j + 1].text == ".":
            j += 2
        else:
            break
    return ".".join(parts)


def violations(query: str) -> list[str]:
    """Why the query is not read-only (empty when it is)."""
    tokens = tokenize(query)
    found: list[str] = []
    for i, token in enumerate(tokens):
        if not _is_clause_word(tokens, i):
            continue
        word = token.text.upper()
        if word in WRITE_KEYWORDS:
            found.append(f"{word} (at character {token.pos})")
        elif i + 1 < len(tokens) and (word, tokens[i + 1].text.upper()) in WRITE_PAIRS:
            found.append(f"{word} {tokens[i + 1].text.upper()} (at character {token.pos})")
        elif word == "CALL":
            name = _procedure_name(tokens, i)
            lowered = name.lower()
            if not name:
                continue
            if lowered.startswith(ADMIN_NAMESPACES):
                found.append(f"CALL {name} (administration)")
            elif lowered.startswith("apoc.") and not lowered.startswith(APOC_READ_NAMESPACES):
                found.append(f"CALL {name} (APOC procedures may write)")
            elif WRITE_NAME_PARTS.search(lowered):
                found.append(f"CALL {name} (a procedure that writes)")
    return found


def check_read_only(query: str) -> None:
    """Raise ReadOnlyViolation naming the first write clause, if any."""
    found = violations(query)
    if found:
        raise ReadOnlyViolation(f"only read queries may run here; found {found[0]}")


def is_read_only(query: str) -> bool:
    return not violations(query)
