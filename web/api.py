"""The viewer's JSON API: thin routes over GraphStore, bounded by validated arguments."""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from typing import Any

from flask import Blueprint, abort, current_app, request
from werkzeug.exceptions import BadRequest

from graph import queries
from graph.model import LABELS, PLACE_LABELS, RELATION_TYPES
from web.db import console_enabled, get_store
from web.labels import LABEL_NAMES, LABEL_STYLE
from web.payloads import entity_payload, relation_rows, report_brief, subgraph_payload

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_QUERY_CHARS = 20_000
MAX_PARAM_DEPTH = 32  # lists and maps in console parameters
_SLOTS = "govkg.console_slots"
_slots_lock = threading.Lock()


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        abort(400, f"{name} must be an integer")
    if not low <= value <= high:
        abort(400, f"{name} must be between {low} and {high}")
    return value


def _choices(name: str, allowed: tuple[str, ...]) -> list[str] | None:
    """Repeated or comma-separated values (?label=City&label=Village), each checked."""
    values = [v for raw in request.args.getlist(name) for v in raw.split(",") if v]
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        abort(400, f"unknown {name}: {', '.join(unknown)}")
    return values or None


@bp.get("/meta")
def meta():
    store = get_store()
    return {
        "store": store.name,
        "labels": list(LABELS),
        "place_labels": list(PLACE_LABELS),
        "relation_types": list(RELATION_TYPES),
        "styles": LABEL_STYLE,
        "label_names": LABEL_NAMES,
        "console": console_enabled(store),
    }


@bp.get("/stats")
def stats():
    return get_store().stats()


@bp.get("/overview")
def overview():
    return get_store().overview()


@bp.get("/search")
def search():
    text = request.args.get("q", "").strip()
    limit = _int_arg("limit", 20, 1, 100)
    labels = _choices("label", LABELS)
    if not text:
        return {"query": text, "hits": []}
    hits = get_store().search(text, limit=limit, labels=labels)
    return {"query": text, "hits": [dataclasses.asdict(h) for h in hits]}


@bp.get("/entity/<entity_id>")
def entity(entity_id: str):
    payload = entity_payload(get_store(), entity_id)
    if payload is None:
        abort(404, f"no entity {entity_id}")
    return payload


@bp.get("/entity/<entity_id>/neighbours")
def neighbours(entity_id: str):
    sub = get_store().neighbours(
        entity_id,
        depth=_int_arg("depth", 1, 1, 3),
        labels=_choices("label", LABELS),
        rel_types=_choices("type", RELATION_TYPES),
        limit=_int_arg("limit", 500, 1, 5000),
    )
    if not sub.entities:  # the entity itself is always in its neighbourhood
        abort(404, f"no entity {entity_id}")
    return subgraph_payload(sub)


@bp.get("/path")
def path():
    store = get_store()
    source, target = request.args.get("source", ""), request.args.get("target", "")
    if not source or not target:
        abort(400, "source and target are required")
    known = {e.id for e in store.entities([source, target])}
    for node_id in (source, target):
        if node_id not in known:
            abort(404, f"no entity {node_id}")
    sub = store.shortest_path(source, target, max_hops=_int_arg("max_hops", 6, 1, 10))
    data = subgraph_payload(sub)
    data["found"] = bool(sub.entities)
    return data


@bp.get("/reports")
def reports():
    return {"reports": [report_brief(r) for r in get_store().reports()]}


@bp.get("/report/<report_id>")
def report(report_id: str):
    found = get_store().report(report_id)
    if found is None:
        abort(404, f"no report {report_id}")
    return found.to_dict()


@bp.get("/report/<report_id>/relations")
def report_relations(report_id: str):
    store = get_store()
    if store.report(report_id) is None:
        abort(404, f"no report {report_id}")
    return {"relations": relation_rows(store, store.report_relations(report_id))}


# --- Cypher console (Neo4j only) ---------------------------------------------


def _console_store():
    store = get_store()
    if not console_enabled(store):
        abort(404, "the Cypher console needs the Neo4j store")
    return store


_DEFAULTS = "govkg.console_defaults"
_DEFAULTS_SECONDS = 60.0
# Fixed read-only queries (through the console's own checks) that find values in this
# database for the named queries' parameters, so each example returns rows as it comes.
_DEFAULT_QUERIES = (
    "MATCH (p:Entity)-[r:REPORTED]->(i:Indicator) WHERE r.value_normalised IS NOT NULL"
    " AND coalesce(r.section_kind, '') <> 'plan' AND r.year IS NOT NULL"
    " RETURN i.name AS indicator, r.year AS year, p.name AS place ORDER BY r.year DESC, place LIMIT 1",
    "MATCH (a:Entity)-[:PART_OF]->(:Entity)<-[:PART_OF]-(b:Entity) WHERE a.name < b.name"
    " RETURN a.name AS source, b.name AS target, a.name AS entity ORDER BY source, target LIMIT 1",
    "MATCH (e:Enterprise)-[:INVESTS_IN]->() RETURN e.name AS enterprise ORDER BY enterprise LIMIT 1",
    "MATCH (r:Report) RETURN r.title AS report ORDER BY r.year DESC, r.title LIMIT 1",
    "MATCH (r:Report) WHERE r.place IS NOT NULL RETURN r.place AS place, count(*) AS n ORDER BY n DESC, place LIMIT 1",
)
_FIXED_DEFAULTS: dict[str, Any] = {"depth": 1, "min_reports": 2}


def _param_hint(text: str, name: str) -> str:
    """What a query's comment lines say about one parameter ("place: name, alias or id, or empty")."""
    for line in text.splitlines():
        body = line.strip()
        if not body.startswith("//"):
            continue
        for part in body.lstrip("/ ").split(";"):
            part = part.strip().lstrip("$")
            if part.startswith(f"{name}:") or part.startswith(f"{name},"):
                return part.split(":", 1)[-1].strip().rstrip(".")
    return ""


def _data_defaults(store: Any) -> dict[str, Any]:
    """Parameter values found in the database (cached a minute), for examples to work as they come."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    cached = app.extensions.get(_DEFAULTS)
    now = time.monotonic()
    if cached is not None and now - cached[0] < _DEFAULTS_SECONDS:
        return cached[1]
    found: dict[str, Any] = dict(_FIXED_DEFAULTS)
    for query in _DEFAULT_QUERIES:
        try:
            result = store.run_read(query, {}, timeout=current_app.config["CONSOLE_TIMEOUT"], limit=1)
        except Exception:  # noqa: BLE001 - a default is a convenience; the form stays empty
            continue
        for column, value in zip(result.columns, result.rows[0] if result.rows else [], strict=False):
            if value is not None and column not in found:
                found[column] = value
    app.extensions[_DEFAULTS] = (now, found)
    return found


def _example(query: Any, data: dict[str, Any]) -> dict[str, Any]:
    """A named query with its parameter form: hint from its comments, default from the data
    (empty where the comment says empty means all)."""
    form = []
    for name in query.params:
        hint = _param_hint(query.text, name)
        default = "" if "empty" in hint else data.get(name, "")
        form.append({"name": name, "hint": hint, "default": default})
    return {"name": query.name, "description": query.description, "params": list(query.params),
            "form": form, "text": query.text}


@bp.get("/console")
def console_info():
    store = get_store()
    data = _data_defaults(store) if console_enabled(store) else {}
    examples = [_example(q, data) for q in queries.library().values()]
    return {
        "enabled": console_enabled(store),
        "timeout": current_app.config["CONSOLE_TIMEOUT"],
        "row_limit": current_app.config["CONSOLE_ROW_LIMIT"],
        "concurrency": current_app.config["CONSOLE_CONCURRENCY"],
        "read_only": True,
        "examples": examples,
    }


def _jsonable(value: Any) -> Any:
    """Result values as JSON: dataclasses and containers walked, the rest as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _depth(value: Any, limit: int) -> int:
    """How deeply lists and maps nest in a JSON value, counting no further than limit + 1."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > limit:
                break
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _timed_out(message: str) -> bool:
    """Neo4j's words for a transaction stopped by its timeout ("… Retry your operation")."""
    text = message.lower()
    return "timeout" in text or "timed out" in text or "has been terminated" in text


def _console_slots() -> threading.BoundedSemaphore:
    """The app's console slots: CONSOLE_CONCURRENCY queries at once, so slow ones cannot take every thread."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    slots = app.extensions.get(_SLOTS)
    if slots is None:
        with _slots_lock:
            slots = app.extensions.setdefault(_SLOTS, threading.BoundedSemaphore(app.config["CONSOLE_CONCURRENCY"]))
    return slots


@bp.post("/console")
def console_run():
    store = _console_store()
    if not request.is_json:
        abort(400, 'send JSON: {"query": "...", "params": {...}}')
    try:
        body = request.get_json()
    except BadRequest:
        abort(400, "the body is not valid JSON, or nests too deeply")
    if not isinstance(body, dict):
        abort(400, 'send JSON: {"query": "...", "params": {...}}')
    query, params = body.get("query"), body.get("params") or {}
    if not isinstance(query, str) or not query.strip():
        abort(400, "query is empty")
    if len(query) > MAX_QUERY_CHARS:
        abort(400, f"query is longer than {MAX_QUERY_CHARS} characters")
    if not isinstance(params, dict):
        abort(400, "params must be a JSON object")
    if _depth(params, MAX_PARAM_DEPTH) > MAX_PARAM_DEPTH:
        abort(400, f"params nest deeper than {MAX_PARAM_DEPTH} levels")
    from graph.store.console import Caps, QueryError, ReadOnlyViolation

    config = current_app.config
    timeout, row_limit = config["CONSOLE_TIMEOUT"], config["CONSOLE_ROW_LIMIT"]
    caps = Caps(
        rows=row_limit,
        cell_items=config["CONSOLE_CELL_ITEMS"],
        cell_chars=config["CONSOLE_CELL_CHARS"],
        answer_chars=config["CONSOLE_ANSWER_CHARS"],
    )
    slots = _console_slots()
    if not slots.acquire(blocking=False):
        busy = f"the console is busy ({config['CONSOLE_CONCURRENCY']} queries running); try again in a few seconds"
        return {"error": busy, "kind": "busy"}, 429, {"Retry-After": "2"}
    try:
        result = store.run_read(query, params, timeout=timeout, limit=row_limit, caps=caps)  # type: ignore[attr-defined]
    except ReadOnlyViolation as exc:
        return {"error": f"refused: the console is read-only ({exc})", "kind": "read-only"}, 403
    except QueryError as exc:
        if _timed_out(str(exc)):
            plain = (f"The query ran longer than the {timeout} s limit and was stopped. "
                     "Narrow the MATCH, add a LIMIT, or start from an indexed property (id, name).")
            return {"error": plain, "kind": "timeout", "detail": str(exc)}, 400
        return {"error": str(exc), "kind": "query"}, 400
    finally:
        slots.release()
    data = _jsonable(result)
    data.update({"timeout": timeout, "row_limit": row_limit})
    return data
