"""Server-rendered pages; Jinja autoescapes every string taken from a report."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request, send_file

from graph.model import LABELS, PLACE_LABELS, RELATION_TYPES
from web.db import console_enabled, get_store
from web.highlight import evidence_sentences, mention_marks, section_tree, sentence_parts, spans
from web.labels import LABEL_NAMES, LABEL_STYLE, label_named
from web.payloads import entity_payload, hit_contexts, relation_rows

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


# Whole-graph measures `govkg analyze` writes onto entities (graph/analytics.py): numbers for
# sizing and colouring the graph, not facts from a report, so pages show them apart, explained.
ANALYTICS_KEYS = ("degree", "pagerank", "community", "component")
# Property pairs where the second is the machine form of the first one shown.
_MACHINE_FORMS = {"amount_yuan": "amount_text", "value_normalised": "value", "base_unit": "unit"}


@bp.app_template_global()
def reader_props(properties: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(key, shown value, tooltip) for the properties a reader cares about: analytics and
    machine forms (amount_yuan beside amount_text) are left out, `inferred` becomes a word."""
    shown_props = []
    for key, value in properties.items():
        if value in (None, "", []) or key in ("section", "section_kind") or key in ANALYTICS_KEYS:
            continue
        if key in _MACHINE_FORMS and properties.get(_MACHINE_FORMS[key]) not in (None, ""):
            continue
        if key == "inferred":
            if value:
                shown_props.append(("inferred", "推断 inferred",
                                    "Not stated in a report: inferred from the place hierarchy"))
            continue
        tip = ""
        if key == "amount_text" and properties.get("amount_yuan") is not None:
            tip = f"{shown(properties['amount_yuan'])} yuan"
        elif key == "value" and properties.get("value_normalised") is not None:
            tip = f"{shown(properties['value_normalised'])} {properties.get('base_unit', '')}".strip()
        shown_props.append((key, shown(value), tip))
    return shown_props


@bp.app_template_global()
def analytics_of(properties: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The analytics values with what they mean, for the entity page's note."""
    notes = {
        "degree": ("connections 关联实体", "other entities joined to it by at least one fact"),
        "pagerank": ("importance (PageRank)", "higher when many facts point to it, directly or through "
                     "important entities; comparable only within this graph"),
        "community": ("community 社群", "entities more densely joined to each other than to the rest "
                      "(Louvain); the explorer can colour by it"),
        "component": ("component 连通分量", "0 is the largest connected part of the graph; "
                      "another number means it is cut off from it"),
    }
    found = []
    for key in ANALYTICS_KEYS:
        value = properties.get(key)
        if value is None or value == "":
            continue
        value_text = f"{value:.4f}" if isinstance(value, float) else shown(value)
        found.append((notes[key][0], value_text, notes[key][1]))
    return found


@bp.app_template_global()
def evidence_parts(evidence: dict) -> list[tuple[str, bool]]:
    return sentence_parts(evidence)


@bp.get("/")
def home():
    return render_template("pages/home.html", stats=get_store().stats())


START_PLACES = 24
START_REPORTS = 8
START_CONNECTED = 12
START_FACT_REPORTS = 4  # latest reports whose facts rank "most connected" (3,000 facts each: ~1 s on Neo4j)
_START_CACHE = "govkg.explorer_start"
_START_SECONDS = 60.0


def explorer_start(store: Any) -> dict[str, list[dict[str, Any]]]:
    """What an empty explorer offers (cached a minute): the places reports are about, the
    entities with most facts in the latest reports, and those reports. Bounded work on any
    store size: the report list, one exact-name search per place, and the facts of at most
    START_FACT_REPORTS reports."""
    cache = current_app.extensions.setdefault(_START_CACHE, {})
    now = time.monotonic()
    if cache.get("at") is not None and now - cache["at"] < _START_SECONDS:
        return cache["value"]
    reports = store.reports()
    recent = sorted(reports, key=lambda r: (-(r.year or 0), r.place, r.path))[:START_REPORTS]
    places: list[dict[str, Any]] = []
    seen: set[str] = set()
    for place in sorted({r.place for r in reports if r.place}):
        if len(places) >= START_PLACES:
            break
        for hit in store.search(place, limit=3, labels=PLACE_LABELS):
            if hit.name == place and hit.id not in seen:
                seen.add(hit.id)
                places.append({"id": hit.id, "name": hit.name, "label": hit.label})
                break
    facts: Counter[str] = Counter()
    for report in recent[:START_FACT_REPORTS]:
        for rel in store.report_relations(report.id):
            if rel.type != "MENTIONS":
                facts.update({rel.source, rel.target})
    top = [eid for eid, _ in facts.most_common(START_CONNECTED * 2)]
    named = {e.id: e for e in store.entities(top)}
    connected = [
        {"id": eid, "name": named[eid].name, "label": named[eid].label, "facts": facts[eid]}
        for eid in top if eid in named
    ][:START_CONNECTED]
    value = {"places": places, "connected": connected, "reports": recent}
    cache.update(at=now, value=value)
    return value


@bp.get("/graph")
def explorer():
    focus = request.args.get("focus", "")
    return render_template(
        "pages/explorer.html",
        focus=focus,
        labels=LABELS,
        relation_types=RELATION_TYPES,
        start={} if focus else explorer_start(get_store()),
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
    source = _source_file(found.path)
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
        source=source,
    )


def _source_file(stored_path: str) -> Path | None:
    """The report's original file when this machine still has it: only the absolute path the
    store holds for that report (no path from the request), and only a regular file."""
    path = Path(stored_path or "")
    if not path.is_absolute():
        return None
    try:
        return path if path.is_file() else None
    except OSError:
        return None


@bp.get("/report/<report_id>/source")
def report_source(report_id: str):
    """The original file, as a download: the URL names a report, never a path."""
    found = get_store().report(report_id)
    if found is None:
        abort(404, f"no report {report_id}")
    path = _source_file(found.path)
    if path is None:
        abort(404, "the original file of this report is not on this machine")
    return send_file(path, as_attachment=True, download_name=path.name, conditional=True)


SEARCH_PAGE = 20  # hits per page
SEARCH_HITS = 200  # hits a text search ranks (the counts say "200+" past it)
SEARCH_FILTERED = 100  # hits whose context is looked up to filter by place or year


@bp.get("/search")
def search_page():
    """Search results as a page: counts per label, paging, each hit's place and reports, filters
    by label, place and year; a label's name ("village", "村") lists that label's entities."""
    store = get_store()
    text = request.args.get("q", "").strip()
    label = request.args.get("label", "")
    if label and label not in LABELS:
        abort(400, f"unknown label: {label}")
    place = request.args.get("place", "").strip()
    year_raw = request.args.get("year", "").strip()
    year = int(year_raw) if year_raw.isdigit() and len(year_raw) == 4 else None
    page = max(1, min(10_000, int(request.args["page"]) if request.args.get("page", "").isdigit() else 1))
    names_only = request.args.get("names") == "1"
    named_label = None if names_only else label_named(text)
    listing = bool(named_label or (label and not text))
    stats = store.stats()
    counts: dict[str, int] = {}
    capped = False
    if listing:
        label = label or named_label or ""
        counts = {label: stats["labels"].get(label, 0)}
        listed = store.entities_of_label  # type: ignore[attr-defined]
        if place or year:
            hits = [{"id": e.id, "name": e.name, "label": e.label, "aliases": e.aliases}
                    for e in listed(label, 0, SEARCH_FILTERED)]
            contexts = hit_contexts(store, [h["id"] for h in hits])
            hits = [h for h in hits if _context_fits(contexts[h["id"]], place, year)]
            total, page_hits = len(hits), hits[(page - 1) * SEARCH_PAGE : page * SEARCH_PAGE]
        else:
            page_hits = [{"id": e.id, "name": e.name, "label": e.label, "aliases": e.aliases}
                         for e in listed(label, (page - 1) * SEARCH_PAGE, SEARCH_PAGE)]
            total = counts[label]
    elif text:
        every = store.search(text, limit=SEARCH_HITS)
        capped = len(every) >= SEARCH_HITS
        for hit in every:
            counts[hit.label] = counts.get(hit.label, 0) + 1
        chosen = [h for h in every if not label or h.label == label]
        hits = [{"id": h.id, "name": h.name, "label": h.label, "aliases": h.aliases} for h in chosen]
        if place or year:
            hits = hits[:SEARCH_FILTERED]
            contexts = hit_contexts(store, [h["id"] for h in hits])
            hits = [h for h in hits if _context_fits(contexts[h["id"]], place, year)]
        total = len(hits)
        page_hits = hits[(page - 1) * SEARCH_PAGE : page * SEARCH_PAGE]
    else:
        hits, page_hits, total = [], [], 0
    contexts = hit_contexts(store, [h["id"] for h in page_hits])
    for hit in page_hits:
        hit["context"] = contexts.get(hit["id"], {})
    pages = max(1, -(-total // SEARCH_PAGE))
    return render_template(
        "pages/search.html",
        q=text, label=label, place=place, year=year_raw, page=page, pages=pages, total=total,
        hits=page_hits, counts=dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        capped=capped, listing=listing, named_label=named_label, labels=LABELS, search_cap=SEARCH_HITS,
    )


def _context_fits(context: dict[str, Any], place: str, year: int | None) -> bool:
    if place and not any(place in p for p in context["places"] + context["report_places"]):
        return False
    return year is None or year in context["years"]


@bp.get("/console")
def console():
    if not console_enabled(get_store()):
        abort(404, "the Cypher console needs the Neo4j store (set NEO4J_URI)")
    return render_template(
        "pages/console.html",
        timeout=current_app.config["CONSOLE_TIMEOUT"],
        row_limit=current_app.config["CONSOLE_ROW_LIMIT"],
    )
