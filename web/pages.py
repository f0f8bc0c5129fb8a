"""Server-rendered pages; Jinja autoescapes every string taken from a report."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request

from graph.model import LABELS, RELATION_TYPES
from web.db import console_enabled, get_store
from web.highlight import evidence_sentences, mention_marks, section_tree, sentence_parts, spans
from web.labels import LABEL_NAMES, LABEL_STYLE
from web.payloads import entity_payload, relation_rows

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def common() -> dict:
    """What every page's layout needs: label colours and whether to link the console."""
    return {
        "label_style": LABEL_STYLE,
        "label_names": LABEL_NAMES,
        "console_on": console_enabled(get_store()),
        "store_name": get_store().name,
    }


@bp.app_template_filter("shown")
def shown(value: object) -> str:
    """Property values for people: 4 significant digits for floats, thousands separators."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 10_000 else f"{value:.6g}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)  # years stay 2023
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@bp.app_template_global()
def evidence_parts(evidence: dict) -> list[tuple[str, bool]]:
    return sentence_parts(evidence)


@bp.get("/")
def home():
    return render_template("pages/home.html", stats=get_store().stats())


@bp.get("/graph")
def explorer():
    return render_template(
        "pages/explorer.html",
        focus=request.args.get("focus", ""),
        labels=LABELS,
        relation_types=RELATION_TYPES,
    )


@bp.get("/entity/<entity_id>")
def entity(entity_id: str):
    payload = entity_payload(get_store(), entity_id)
    if payload is None:
        abort(404, f"no entity {entity_id}")
    return render_template("pages/entity.html", **payload)


@bp.get("/reports")
def reports():
    return render_template("pages/reports.html", reports=get_store().reports())


@bp.get("/report/<report_id>")
def report(report_id: str):
    store = get_store()
    found = store.report(report_id)
    if found is None:
        abort(404, f"no report {report_id}")
    rows = relation_rows(store, store.report_relations(report_id))
    sentences = evidence_sentences(rows)
    anchors = set(sentences) | {int(s["start"]) for s in found.sections}
    facts = [r for r in rows if r["type"] != "MENTIONS"]
    mentioned = {r["target_node"]["id"]: r["target_node"] for r in rows if r["type"] == "MENTIONS"}
    return render_template(
        "pages/report.html",
        report=found,
        spans=spans(found.text, mention_marks(rows), anchors),
        sections=section_tree(found.sections),
        sentences=sentences,
        facts=facts,
        mentioned=sorted(mentioned.values(), key=lambda n: (n["label"], n["name"])),
    )


@bp.get("/console")
def console():
    if not console_enabled(get_store()):
        abort(404, "the Cypher console needs the Neo4j store (set NEO4J_URI)")
    return render_template(
        "pages/console.html",
        timeout=current_app.config["CONSOLE_TIMEOUT"],
        row_limit=current_app.config["CONSOLE_ROW_LIMIT"],
    )
