"""Open the configured graph store: embedded (a file in the data dir) or Neo4j."""

from __future__ import annotations

import os
from pathlib import Path

from graph.store.base import GraphStore

KINDS = ("embedded", "neo4j")


def open_store(
    kind: str | None = None,
    *,
    data_dir: str | Path | None = None,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> GraphStore:
    """The store to use. Without a kind: Neo4j when a URI is given or NEO4J_URI is set, else embedded.

    Arguments win over the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE, GOVKG_DATA_DIR); the data dir defaults to ./data.
    """
    uri = uri or os.environ.get("NEO4J_URI") or None
    kind = kind or ("neo4j" if uri else "embedded")
    if kind == "embedded":
        from graph.store.embedded import EmbeddedStore

        return EmbeddedStore(data_dir or os.environ.get("GOVKG_DATA_DIR") or "data")
    if kind == "neo4j":
        if not uri:
            raise ValueError("the neo4j store needs a URI (argument or NEO4J_URI)")
        from graph.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            uri,
            user=user or os.environ.get("NEO4J_USER") or "neo4j",
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD", ""),
            database=database or os.environ.get("NEO4J_DATABASE") or "neo4j",
        )
    raise ValueError(f"unknown store kind {kind!r}; expected one of {', '.join(KINDS)}")
