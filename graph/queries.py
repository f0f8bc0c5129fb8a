"""Load named Cypher queries from `.cypher` files with `// name:` headers (aiosql style).

A file may hold several queries; each starts at a `// name:` line. Headers
`// description:` and `// params:` may follow it; other `//` lines are comments
that stay in the query text. Cypher is never assembled from data: callers pass
parameters to the driver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
_HEADER = re.compile(r"^//\s*(name|description|params)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    description: str = ""
    params: tuple[str, ...] = field(default_factory=tuple)
    path: str = ""


def parse_queries(source: str, path: str = "") -> dict[str, Query]:
    """Split one file's text into named queries."""
    queries: dict[str, Query] = {}
    current: dict[str, object] | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        text = "\n".join(body).strip()
        name = str(current["name"])
        if not text:
            raise ValueError(f"{path}: query {name!r} has no body")
        if name in queries:
            raise ValueError(f"{path}: query {name!r} defined twice")
        queries[name] = Query(
            name=name,
            text=text,
            description=str(current.get("description", "")),
            params=tuple(current.get("params", ())),  # type: ignore[arg-type]
            path=path,
        )

    for line in source.splitlines():
        match = _HEADER.match(line.strip())
        if match and match.group(1) == "name":
            close()
            current, body = {"name": match.group(2).strip()}, []
        elif match and current is not None and not body:
            key, value = match.group(1), match.group(2).strip()
            if key == "params":
                current[key] = tuple(p.strip() for p in value.split(",") if p.strip() and p.strip() != "-")
            else:
                current[key] = value
        elif current is not None:
            body.append(line)
    close()
    return queries


def load_dir(directory: Path) -> dict[str, Query]:
    """Every named query in every `.cypher` file of a directory, names unique across files."""
    queries: dict[str, Query] = {}
    for path in sorted(directory.glob("*.cypher")):
        for name, query in parse_queries(path.read_text(encoding="utf-8"), str(path)).items():
            if name in queries:
                raise ValueError(f"{path}: query {name!r} already defined in {queries[name].path}")
            queries[name] = query
    return queries


@cache
def writes() -> dict[str, Query]:
    """The store's own load/delete queries (cypher/writes)."""
    return load_dir(CYPHER_DIR / "writes")


@cache
def library() -> dict[str, Query]:
    """The named queries users run (cypher/queries)."""
    return load_dir(CYPHER_DIR / "queries")


def schema_statements() -> list[str]:
    """cypher/schema.cypher split into single statements (the driver runs one at a time)."""
    text = (CYPHER_DIR / "schema.cypher").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
