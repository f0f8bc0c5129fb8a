"""HTTP hardening for every response: security headers, request limits, JSON under /api.

- Content-Security-Policy: scripts only from our own static files (no inline
  script, no eval), nothing may frame the viewer. Cytoscape injects one
  `<style>` element; its exact text is allowed by hash, so styles need no
  'unsafe-inline' either.
- X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer,
  X-Frame-Options: DENY (for browsers without frame-ancestors).
- A URL longer than MAX_URL_CHARS answers 414 before any view runs.
- Under /api every answer that is not JSON (werkzeug's slash redirects, 405s
  and the like come as HTML) is turned into `{"error": ...}` with the same
  status and headers.
"""

from __future__ import annotations

import base64
import hashlib

from flask import Flask, Response, abort, current_app, json, request
from werkzeug.http import HTTP_STATUS_CODES

# The rule Cytoscape writes into a <style> element of its own (cytoscape.min.js).
CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }"


def _style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        f"style-src 'self' {_style_hash(CYTOSCAPE_STYLE)}",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _under_api() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


def register(app: Flask) -> None:
    @app.before_request
    def refuse_long_urls() -> None:
        longest = current_app.config["MAX_URL_CHARS"]
        if len(request.path) + len(request.query_string) > longest:
            abort(414, f"the URL is longer than {longest} characters")

    @app.after_request
    def harden(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if _under_api() and response.status_code >= 300 and response.mimetype != "application/json":
            message = HTTP_STATUS_CODES.get(response.status_code, "error")
            if response.location:
                message = f"{message}: {response.location}"
            response.set_data(json.dumps({"error": message}))
            response.mimetype = "application/json"
        return response
