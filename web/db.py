"""The viewer's one graph store, opened lazily and shared by every request.

Opening a store is expensive (a Neo4j driver pool, or loading the embedded
graph from disk), so the app keeps a single open store and each request
borrows it through `get_store()`.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask, current_app, g

from graph.store.base import GraphStore

_EXTENSION = "govkg.store"
_lock = threading.Lock()


def _open(config: dict[str, Any]) -> GraphStore:
    """Open the configured store; a GraphStore instance in STORE is used as it is."""
    kind = config.get("STORE")
    if kind is not None and not isinstance(kind, str):
        return kind
    from graph.store import open_store  # imported late: the stores pull in their drivers

    return open_store(
        kind,
        data_dir=config.get("DATA_DIR"),
        uri=config.get("NEO4J_URI"),
        user=config.get("NEO4J_USER"),
        password=config.get("NEO4J_PASSWORD"),
        database=config.get("NEO4J_DATABASE"),
    )


def store_of(app: Flask) -> GraphStore:
    """The app's open store, opening it on first use."""
    store = app.extensions.get(_EXTENSION)
    if store is None:
        with _lock:
            store = app.extensions.get(_EXTENSION)
            if store is None:
                store = _open(app.config)
                app.extensions[_EXTENSION] = store
    return store


def get_store() -> GraphStore:
    """The store for the current request (cached on flask.g)."""
    if "store" not in g:
        g.store = store_of(current_app)
    return g.store


def close_store(app: Flask) -> None:
    """Close the app's store (server shutdown, tests)."""
    store = app.extensions.pop(_EXTENSION, None)
    if store is not None:
        store.close()


def console_enabled(store: GraphStore) -> bool:
    """The Cypher console exists only over Neo4j, which can run read-only queries."""
    return store.name == "neo4j" and callable(getattr(store, "run_read", None))
