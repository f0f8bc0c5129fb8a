"""Refuse Cypher that writes before it reaches the database (the console and `govkg query`).

This is the first of three locks: the query is tokenised (strings, comments and
backticked names are skipped, so `RETURN 'CREATE'` is fine) and rejected when a
write or admin clause, a `SHOW` command, a procedure outside READ_PROCEDURES or
a function outside Neo4j's built-in namespaces appears. The tokenizer follows
Neo4j's lexer where it matters: a `//` comment ends at a carriage return as well
as at a line feed, and a backslash escapes any character in a string. The next
locks are Neo4j's own: graph.store.console plans the query with EXPLAIN and runs
it only when the plan reads, in a READ_ACCESS session.
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
        "SHOW",
        "USE",
        "DEALLOCATE",
        "REALLOCATE",
    }
)
# Two-word forms: (first, second) both as clause words.
WRITE_PAIRS = frozenset({("IN", "TRANSACTIONS"), ("START", "DATABASE"), ("STOP", "DATABASE"), ("ENABLE", "SERVER")})
# Procedures a console query may call: they read the schema or search an index.
# graph.store.console holds Neo4j's plan to the same list.
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
    }
)
_READ_PROCEDURES_FOLDED = frozenset(name.lower() for name in READ_PROCEDURES)
# Namespaces of Neo4j 5's built-in functions (`SHOW FUNCTIONS`); a namespaced function
# from anywhere else is a plugin's (APOC can read files and URLs) and is refused.
FUNCTION_NAMESPACES = frozenset(
    {"date", "datetime", "duration", "graph", "localdatetime", "localtime", "point", "time", "vector", "db"}
)

# Neo4j's parser recurses on nesting: a list literal 200 levels deep, or 300 chained
# property lookups, overflow its stack and the connection dies without an answer (the
# client waits minutes). Real queries nest a handful of levels.
MAX_NESTING = 40
_OPENERS = {"(": ")", "[": "]", "{": "}"}

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>//[^\r\n]*|/\*.*?\*/)
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


def _dotted_name(tokens: list[Token], j: int) -> tuple[str, int]:
    """The dotted name starting at index j (`db.labels`, `` `db`.`labels` ``) and the index after it."""
    parts: list[str] = []
    while j < len(tokens) and tokens[j].kind in ("word", "quoted"):
        text = tokens[j].text
        parts.append(text[1:-1].replace("``", "`") if tokens[j].kind == "quoted" else text)
        if j + 2 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 2].kind in ("word", "quoted"):
            j += 2
        else:
            j += 1
            break
    return ".".join(parts), j


def _procedure_name(tokens: list[Token], i: int) -> str:
    """The dotted name after CALL at index i (empty for a CALL { subquery })."""
    return _dotted_name(tokens, i + 1)[0]


def _procedure_violation(name: str) -> str | None:
    lowered = name.lower()
    if lowered in _READ_PROCEDURES_FOLDED:
        return None
    if lowered.startswith("dbms."):
        return f"CALL {name} (administration)"
    return f"CALL {name} (not one of the read-only procedures allowed: {', '.join(sorted(READ_PROCEDURES))})"


def _function_violation(tokens: list[Token], i: int) -> str | None:
    """A namespaced function call (`apoc.load.json(...)`) outside Neo4j's built-in namespaces."""
    if i > 0 and tokens[i - 1].text in (".", ":", "$", "|", "&", "!"):
        return None  # inside a dotted name, a label or type, or a parameter
    if i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text.upper() == "CALL":
        return None  # a procedure, checked as one
    name, after = _dotted_name(tokens, i)
    if "." not in name or after >= len(tokens) or tokens[after].text != "(":
        return None
    if name.split(".", 1)[0].lower() in FUNCTION_NAMESPACES:
        return None
    return f"function {name} (not one of Neo4j's built-in functions)"


def _nesting(tokens: list[Token]) -> int:
    """The deepest nesting of brackets and CASE ... END, or the longest chain of `.key`
    lookups or `!` label negations, whichever is larger."""
    deepest = depth = chain = 0
    for i, token in enumerate(tokens):
        text = token.text.upper() if token.kind == "word" else token.text
        if token.kind == "symbol" and text in _OPENERS or text == "CASE":
            depth += 1
        elif token.kind == "symbol" and text in _OPENERS.values() or text == "END":
            depth -= 1
        previous = tokens[i - 1].text if i else ""
        linked = (text == "!" and previous == "!") or (previous == "." and token.kind in ("word", "quoted"))
        if linked:
            chain += 1
        elif text != ".":
            chain = 0
        deepest = max(deepest, depth, chain)
    return deepest


def violations(query: str) -> list[str]:
    """Why the query is not read-only (empty when it is)."""
    tokens = tokenize(query)
    found: list[str] = []
    if (nesting := _nesting(tokens)) > MAX_NESTING:
        found.append(f"nesting {nesting} levels deep (at most {MAX_NESTING}: Neo4j's parser fails on deeper ones)")
    for i, token in enumerate(tokens):
        if token.kind in ("word", "quoted") and (problem := _function_violation(tokens, i)):
            found.append(problem)
        if not _is_clause_word(tokens, i):
            continue
        word = token.text.upper()
        if word in WRITE_KEYWORDS:
            found.append(f"{word} (at character {token.pos})")
        elif i + 1 < len(tokens) and (word, tokens[i + 1].text.upper()) in WRITE_PAIRS:
            found.append(f"{word} {tokens[i + 1].text.upper()} (at character {token.pos})")
        elif word == "CALL":
            name = _procedure_name(tokens, i)
            if name and (problem := _procedure_violation(name)):
                found.append(problem)
    return found


def check_read_only(query: str) -> None:
    """Raise ReadOnlyViolation naming the first write clause, if any."""
    found = violations(query)
    if found:
        raise ReadOnlyViolation(f"only read queries may run here; found {found[0]}")


def is_read_only(query: str) -> bool:
    return not violations(query)
