"""Analysts' tables: one row a fact, flat, the same from both stores (built from Graph).

Every row names its place, year, report and evidence sentence; a value comes as
written (value, unit, amount_text) and normalised to a base unit under a field
named for it (amount_yuan, value_normalised with base_unit). Totals sum each
stated amount once per place and year (docs/tables.md).
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graph.model import PLACE_LABELS, Graph, Relation

TABLES: tuple[str, ...] = ("honours", "projects", "investments", "indicators", "people", "reports")

_COMMON = ("place", "year", "report", "report_kind", "section_kind", "evidence", "report_id", "fact_id")
COLUMNS: dict[str, tuple[str, ...]] = {
    "honours": ("place", "year", "recipient", "recipient_label", "honour", "level") + _COMMON[2:],
    "projects": ("place", "year", "project", "label", "status", "via") + _COMMON[2:],
    "investments": (
        "place", "year", "relation", "investor", "target", "target_label",
        "amount_yuan", "amount_usd", "amount_text", "counted",
    ) + _COMMON[2:],
    "indicators": (
        "place", "year", "indicator", "indicator_text", "kind", "value", "unit", "value_normalised",
        "base_unit", "comparison", "change", "change_unit",
    ) + _COMMON[2:],
    "people": ("place", "year", "person", "role", "organisation", "relation", "other") + _COMMON[2:],
    "reports": ("place", "year", "report", "report_kind", "period", "title", "path", "facts", "report_id"),
}
TOTAL_COLUMNS: tuple[str, ...] = ("place", "year", "deals", "amount_yuan", "amount_yi_yuan", "amount_usd")


def _common(graph: Graph, rel: Relation) -> dict[str, Any]:
    rep = graph.reports.get(rel.report_id)
    ev = rel.evidence[0] if rel.evidence else None
    return {
        "report": (rep.title or rep.path) if rep else rel.report_id,
        "report_kind": rep.kind if rep else "",
        "section_kind": rel.properties.get("section_kind") or (ev.section_kind if ev else ""),
        "evidence": ev.sentence if ev else "",
        "report_id": rel.report_id,
        "fact_id": rel.id,
        "year": rel.properties.get("year") if rel.properties.get("year") is not None else (rep.year if rep else None),
    }


def _report_place(graph: Graph, rel: Relation) -> str:
    rep = graph.reports.get(rel.report_id)
    return rep.place if rep else ""


def _name(graph: Graph, eid: str) -> str:
    e = graph.entities.get(eid)
    return e.name if e else eid


def _label(graph: Graph, eid: str) -> str:
    e = graph.entities.get(eid)
    return e.label if e else ""


def rows(graph: Graph, table: str) -> list[dict[str, Any]]:
    """All rows of one table, unfiltered, in a stable order."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    if table == "reports":
        facts: dict[str, int] = defaultdict(int)
        for rel in graph.relations.values():
            if rel.type != "MENTIONS":
                facts[rel.report_id] += 1
        out = [
            {
                "place": r.place, "year": r.year, "report": r.title or r.path, "report_kind": r.kind,
                "period": r.period, "title": r.title, "path": r.path, "facts": facts[r.id], "report_id": r.id,
            }
            for r in graph.reports.values()
        ]
    else:
        out = [row for rel in graph.relations.values() if (row := _row(graph, table, rel)) is not None]
    cols = COLUMNS[table]
    return sorted(out, key=lambda r: tuple(str(r.get(c) if r.get(c) is not None else "") for c in cols))


def _row(graph: Graph, table: str, rel: Relation) -> dict[str, Any] | None:
    p = rel.properties
    if table == "honours" and rel.type == "AWARDED":
        place = _name(graph, rel.source) if _label(graph, rel.source) in PLACE_LABELS else _report_place(graph, rel)
        return {
            "place": place, "recipient": _name(graph, rel.source), "recipient_label": _label(graph, rel.source),
            "honour": _name(graph, rel.target), "level": p.get("level"), **_common(graph, rel),
        }
    if table == "projects" and rel.type in ("CARRIES_OUT", "INTRODUCED") and _label(graph, rel.target) in (
        "Project", "Initiative"
    ):
        return {
            "place": _name(graph, rel.source) if _label(graph, rel.source) in PLACE_LABELS else _report_place(graph, rel),
            "project": _name(graph, rel.target), "label": _label(graph, rel.target),
            "status": p.get("status") or ("introduced" if rel.type == "INTRODUCED" else None),
            "via": rel.type, **_common(graph, rel),
        }
    if table == "investments" and rel.type in ("INTRODUCED", "INVESTS_IN"):
        introduced = rel.type == "INTRODUCED"
        return {
            "place": _name(graph, rel.source) if introduced else _report_place(graph, rel),
            "relation": rel.type,
            "investor": None if introduced else _name(graph, rel.source),
            "target": _name(graph, rel.target), "target_label": _label(graph, rel.target),
            "amount_yuan": p.get("amount_yuan"), "amount_usd": p.get("amount_usd"), "amount_text": p.get("amount_text"),
            # only INTRODUCED amounts make totals; INVESTS_IN restates the same deal's money
            "counted": bool(introduced and p.get("amount_yuan") is not None and p.get("section_kind") != "plan"),
            **_common(graph, rel),
        }
    if table == "indicators" and rel.type == "REPORTED":
        return {
            "place": _name(graph, rel.source),
            "indicator": p.get("indicator") or _name(graph, rel.target),
            "indicator_text": p.get("indicator_text") or _name(graph, rel.target),
            "kind": p.get("kind") or ("target" if p.get("section_kind") == "plan" else "actual"),
            **{k: p.get(k) for k in ("value", "unit", "value_normalised", "base_unit", "comparison", "change", "change_unit")},
            **_common(graph, rel),
        }
    if table == "people" and "Person" in (_label(graph, rel.source), _label(graph, rel.target)):
        if rel.type == "MENTIONS":
            return None
        person, other = (rel.source, rel.target) if _label(graph, rel.source) == "Person" else (rel.target, rel.source)
        other_label = _label(graph, other)
        return {
            "place": _name(graph, other) if other_label in PLACE_LABELS else _report_place(graph, rel),
            "person": _name(graph, person), "role": p.get("role"),
            "organisation": _name(graph, other) if other_label == "Organization" else p.get("organisation"),
            "relation": rel.type, "other": _name(graph, other), **_common(graph, rel),
        }
    return None


def filtered(
    table_rows: Iterable[dict[str, Any]],
    place: str | None = None,
    year: int | None = None,
    label: str | None = None,
    report_kind: str | None = None,
) -> list[dict[str, Any]]:
    """Rows whose place contains `place`, of `year`, whose label column equals `label`, of a report kind."""
    out = []
    for row in table_rows:
        if place and place not in str(row.get("place") or ""):
            continue
        if year is not None and row.get("year") != year:
            continue
        if label and label not in {row.get(k) for k in ("label", "target_label", "recipient_label", "relation")}:
            continue
        if report_kind and report_kind not in str(row.get("report_kind") or ""):
            continue
        out.append(row)
    return out


def investment_totals(graph: Graph, across_years: bool = False) -> list[dict[str, Any]]:
    """Introduced investment per place and year, each stated amount once: an amount is keyed by
    its report and its place in the text (amount_ref), plans left out. Years are summed together
    only when asked (`across_years`: one row per place, year None)."""
    yuan: dict[tuple[str, Any], dict[tuple[str, str], float]] = defaultdict(dict)
    usd: dict[tuple[str, Any], dict[tuple[str, str], float]] = defaultdict(dict)
    for rel in graph.relations.values():
        p = rel.properties
        if rel.type != "INTRODUCED" or p.get("section_kind") == "plan":
            continue
        key = (_name(graph, rel.source), None if across_years else p.get("year"))
        ref = (rel.report_id, str(p.get("amount_ref", rel.id)))
        if isinstance(p.get("amount_yuan"), int | float):
            yuan[key][ref] = float(p["amount_yuan"])  # type: ignore[arg-type]
        if isinstance(p.get("amount_usd"), int | float) and p.get("amount_yuan") is None:  # no rate stated
            usd[key][ref] = float(p["amount_usd"])  # type: ignore[arg-type]
    out = []
    for key in sorted(set(yuan) | set(usd), key=lambda k: (k[0], str(k[1]))):
        total = sum(yuan[key].values())
        out.append({
            "place": key[0], "year": key[1], "deals": len(yuan[key]) + len(usd[key]),
            "amount_yuan": total, "amount_yi_yuan": round(total / 1e8, 4),
            "amount_usd": sum(usd[key].values()) if usd[key] else None,
        })
    return out


def render(table_rows: list[dict[str, Any]], columns: Iterable[str], fmt: str) -> str:
    """csv (header first), json (a list of objects) or an aligned text table."""
    cols = list(columns)
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in cols} for r in table_rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in table_rows:
            writer.writerow({c: "" if r.get(c) is None else r.get(c) for c in cols})
        return buf.getvalue()
    cells = [[c for c in cols]] + [["" if r.get(c) is None else str(r.get(c)) for c in cols] for r in table_rows]
    widths = [min(40, max(len(row[i]) for row in cells)) for i in range(len(cols))]
    return "\n".join("  ".join(v[:40].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells)
