"""Errors never show a stack trace: JSON `{"error": ...}` under /api, a plain page elsewhere
(plain text when the Host header was refused, since no link can be built then)."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


def _respond(status: int, message: str):
    if _wants_json():
        return {"error": message}, status
    if request_ctx.url_adapter is None:  # an untrusted Host: no URLs can be built for the page
        return f"{status}: {message}", status, {"Content-Type": "text/plain; charset=utf-8"}
    return render_template("pages/error.html", status=status, message=message), status


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return _respond(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unhandled error on %s", request.path)
        return _respond(500, "internal error; see the server log")
