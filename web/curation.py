"""Corrections from the viewer: the entity page's forms and the decisions page (graph/curate.py).

Every correction goes to the decisions file in the data directory, exactly as
`govkg curate` writes it, so a rebuild reapplies it. Forms are POSTs from our own
pages: a request whose Origin is another site is refused.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from graph.curate import ACTIONS, Decision, Decisions, decide, undo
from graph.model import LABELS
from graph.store.base import StoreError
from web.db import get_store

bp = Blueprint("curation", __name__)


def _data_dir() -> str:
    return current_app.config.get("DATA_DIR") or "data"


def _same_origin() -> None:
    """Browsers say where a POST comes from in Sec-Fetch-Site; under the viewer's no-referrer
    policy their Origin is "null", so Origin only decides for clients without Sec-Fetch-Site."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        if site not in ("same-origin", "none"):
            abort(403)
        return
    origin = request.headers.get("Origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.host:
        abort(403)


@bp.app_template_global()
def curation_facts(entity_id: str) -> list[dict[str, Any]]:
    """This entity's facts with ids, for the delete buttons of the entity page."""
    store = get_store()
    facts = [r for r in store.entity_relations(entity_id) if r.type != "MENTIONS"]
    others = {r.target if r.source == entity_id else r.source for r in facts}
    names = {e.id: e.name for e in store.entities(sorted(others))}  # one read for all of them
    return [
        {
            "id": r.id, "type": r.type, "other": names.get(r.target if r.source == entity_id else r.source, ""),
            "year": r.properties.get("year"), "sentence": r.evidence[0].sentence if r.evidence else "",
        }
        for r in facts
    ]


@bp.app_template_global()
def curation_labels() -> tuple[str, ...]:
    return LABELS


@bp.route("/curate", methods=["POST"])
def curate() -> Response:
    _same_origin()
    action = request.form.get("action", "")
    target = request.form.get("target", "").strip()
    value = request.form.get("value", "").strip()
    back = request.form.get("entity", target)
    if action not in ACTIONS or not target:
        abort(400)
    if action == "merge" and value and value not in {e.id for e in get_store().entities([value])}:
        hits = [h for h in get_store().search(value, limit=5) if h.name == value]  # a name typed in
        value = hits[0].id if len(hits) == 1 else value
    try:
        decide(get_store(), _data_dir(), Decision(action, target, value))
    except (KeyError, ValueError) as exc:
        return Response(f"cannot apply: {exc}", status=400, mimetype="text/plain")
    except StoreError as exc:  # a build holds the store's lock, Neo4j went away
        return Response(f"the store cannot take it now: {exc}", status=409, mimetype="text/plain")
    if action == "delete-entity":
        return redirect(url_for("curation.decisions"), code=303)
    return redirect(url_for("pages.entity", entity_id=back), code=303)


@bp.route("/curation")
def decisions() -> str:
    return render_template("pages/curation.html", decisions=Decisions.load(_data_dir()).items)


@bp.route("/curation/<decision_id>/undo", methods=["POST"])
def undo_decision(decision_id: str) -> Response:
    _same_origin()
    try:
        undo(get_store(), _data_dir(), decision_id)
    except KeyError:
        abort(404)
    except StoreError as exc:
        return Response(f"the store cannot take it now: {exc}", status=409, mimetype="text/plain")
    return redirect(url_for("curation.decisions"), code=303)
