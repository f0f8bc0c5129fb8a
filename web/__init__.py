"""The GovKG viewer: a Flask app over any GraphStore (embedded or Neo4j)."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask


def _env_config() -> dict[str, Any]:
    """Defaults from the environment: NEO4J_URI set means the Neo4j store."""
    uri = os.environ.get("NEO4J_URI") or None
    return {
        "STORE": os.environ.get("GOVKG_STORE") or ("neo4j" if uri else "embedded"),
        "DATA_DIR": os.environ.get("GOVKG_DATA_DIR") or None,
        "NEO4J_URI": uri,
        "NEO4J_USER": os.environ.get("NEO4J_USER") or None,
        "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD") or None,
        "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE") or None,
        "CONSOLE_TIMEOUT": 10,
        "CONSOLE_ROW_LIMIT": 1000,
        "JSON_SORT_KEYS": False,
    }


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the viewer. `STORE` is "embedded", "neo4j" or an open GraphStore."""
    app = Flask(__name__)
    app.config.update(_env_config())
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    from web import api, errors, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    errors.register(app)
    return app
