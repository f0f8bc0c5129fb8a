"""Analysts' tables and the indicator comparison page (graph/tables.py, same rows as `govkg table`).

Pages are server-rendered (filters are a GET form, so a filtered table has a URL);
tables.js sorts columns and draws the comparison chart from JSON in the page (the
CSP allows no inline script). Every table downloads as CSV with the same filters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from flask import Blueprint, Response, abort, render_template, request

from graph import tables
from graph.model import Graph
from web.db import get_store

bp = Blueprint("tables", __name__)

TITLES = {
    "investments": "招商引资 Investments",
    "indicators": "指标 Indicators",
    "honours": "荣誉 Honours",
    "projects": "项目 Projects",
    "people": "人物 People",
    "reports": "报告 Reports",
}
_SHOWN = 300  # rows a page shows; the CSV has them all


def _graph() -> Graph:
    return get_store().load()


def _filters() -> dict[str, Any]:
    year = request.args.get("year", "").strip()
    return {
        "place": request.args.get("place", "").strip() or None,
        "year": int(year) if year.isdigit() else None,
        "label": request.args.get("label", "").strip() or None,
        "report_kind": request.args.get("report_kind", "").strip() or None,
    }


def _rows(graph: Graph, name: str) -> list[dict[str, Any]]:
    if name not in tables.TABLES:
        abort(404)
    return tables.filtered(tables.rows(graph, name), **_filters())


@bp.route("/tables")
def index() -> str:
    return render_template("pages/tables.html", titles=TITLES)


@bp.route("/tables/<name>")
def table(name: str) -> str:
    graph = _graph()
    rows = _rows(graph, name)
    everything = tables.rows(graph, name)
    totals = tables.filtered(tables.investment_totals(graph), place=_filters()["place"], year=_filters()["year"]) if name == "investments" else []
    return render_template(
        "pages/table.html",
        name=name,
        title=TITLES[name],
        columns=tables.COLUMNS[name],
        rows=rows[:_SHOWN],
        count=len(rows),
        shown=min(len(rows), _SHOWN),
        filters=request.args,
        places=sorted({str(r["place"]) for r in everything if r.get("place")}),
        years=sorted({r["year"] for r in everything if isinstance(r.get("year"), int)}),
        kinds=sorted({str(r["report_kind"]) for r in everything if r.get("report_kind")}),
        labels=sorted({str(r.get(k)) for r in everything for k in ("label", "target_label", "recipient_label", "relation") if r.get(k)}),
        totals=totals,
        total_columns=tables.TOTAL_COLUMNS,
        query=request.query_string.decode("utf-8"),
    )


@bp.route("/tables/<name>.csv")
def table_csv(name: str) -> Response:
    rows = _rows(_graph(), name)
    body = "\ufeff" + tables.render(rows, tables.COLUMNS[name], "csv")  # a BOM so spreadsheets read UTF-8
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=govkg-{name}.csv"},
    )


@bp.route("/compare")
def compare() -> str:
    """One indicator, some places: a place x year table (actual values) and a chart."""
    graph = _graph()
    rows = tables.rows(graph, "indicators")
    indicators = sorted({str(r["indicator"]) for r in rows})
    all_places = sorted({str(r["place"]) for r in rows})
    indicator = request.args.get("indicator", "").strip()
    kind = request.args.get("kind", "actual") if request.args.get("kind") in ("actual", "target") else "actual"
    chosen = [p for p in request.args.getlist("place") if p in all_places]
    picked = [r for r in rows if r["indicator"] == indicator and r["kind"] == kind]
    if not chosen:
        chosen = sorted({str(r["place"]) for r in picked})
    picked = [r for r in picked if r["place"] in chosen]
    counted = Counter(str(r["base_unit"]) for r in picked)
    units = [u for u, _ in counted.most_common()]  # the level (yuan) before its growth rate, as reports state more levels
    unit = request.args.get("unit") if request.args.get("unit") in units else (units[0] if units else "")
    cells: dict[str, dict[int, float]] = defaultdict(dict)
    evidence: dict[tuple[str, int], str] = {}
    for r in picked:
        if r["base_unit"] == unit and isinstance(r["year"], int) and isinstance(r["value_normalised"], int | float):
            held = cells[r["place"]].get(r["year"])
            if held is None or r["value_normalised"] > held:  # the level over a growth rate of the same unit
                cells[r["place"]][r["year"]] = r["value_normalised"]
                evidence[(r["place"], r["year"])] = r["evidence"]
    years = sorted({y for by_year in cells.values() for y in by_year})
    chart = {
        "years": years,
        "unit": unit,
        "series": [{"place": p, "values": [cells[p].get(y) for y in years]} for p in chosen if p in cells],
    }
    return render_template(
        "pages/compare.html",
        indicators=indicators,
        indicator=indicator,
        places=all_places,
        chosen=chosen,
        kind=kind,
        units=units,
        unit=unit,
        years=years,
        cells=cells,
        evidence=evidence,
        chart=chart,
    )
