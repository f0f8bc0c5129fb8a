"""The GovKG viewer: a Flask app over any GraphStore (embedded or Neo4j)."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider

MAX_REQUEST_BYTES = 1024 * 1024  # the largest body any route needs is a console query (20,000 characters)


class _JSONProvider(DefaultJSONProvider):
    """JSON nested deeper than Python's recursion limit is bad input (400), not a crash (500)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc


def _trusted_hosts(raw: str | None) -> list[str] | None:
    """GOVKG_TRUSTED_HOSTS: comma-separated host names the Host header may carry (unset = any)."""
    hosts = [h.strip() for h in (raw or "").split(",") if h.strip()]
    return hosts or None


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
        "CONSOLE_CONCURRENCY": 2,  # console queries running at once; more answer 429
        "CONSOLE_CELL_ITEMS": 1000,
        "CONSOLE_CELL_CHARS": 10_000,
        "CONSOLE_ANSWER_CHARS": 2_000_000,
        "MAX_CONTENT_LENGTH": MAX_REQUEST_BYTES,
        "MAX_FORM_MEMORY_SIZE": MAX_REQUEST_BYTES,
        "MAX_URL_CHARS": 8192,
        "TRUSTED_HOSTS": _trusted_hosts(os.environ.get("GOVKG_TRUSTED_HOSTS")),
        "JSON_SORT_KEYS": False,
    }


def _label_css() -> Response:
    """Each label's colour as a CSS variable: a stylesheet, since the CSP allows no inline <style>."""
    from web.labels import LABEL_STYLE

    rules = "".join(f".lbl-{label} {{ --lbl: {style['colour']}; }}\n" for label, style in LABEL_STYLE.items())
    response = Response(rules, mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the viewer. `STORE` is "embedded", "neo4j" or an open GraphStore."""
    app = Flask(__name__)
    app.json = _JSONProvider(app)
    app.config.update(_env_config())
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    from web import api, curation, errors, pages, security, tables

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(tables.bp)
    app.register_blueprint(curation.bp)
    app.add_url_rule("/labels.css", "label_css", _label_css)
    errors.register(app)
    security.register(app)
    return app
