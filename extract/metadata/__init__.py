"""What a report says about itself: title, its own place, the years and period it covers, its kind.

The title line decides when it says enough; otherwise the body does: the
signature lines at the end, phrases such as "X镇党委"/"X街道办事处", the section
headings' years. Province, city and district names come from the administrative
division table shipped with cpca, never from a list of known reports.
"""

from __future__ import annotations

import re
from pathlib import Path

from extract.document import ReportMeta, Section
from extract.metadata.divisions import division_mentions, find_divisions
from extract.metadata.period import find_kind, find_period, find_years
from extract.metadata.place import find_place, is_masked, place_in_title
from extract.sections import parse_sections, title_span

__all__ = ["detect_meta", "division_mentions", "find_place", "is_masked", "place_in_title"]


def detect_meta(text: str, path: str = "", title_hint: str = "", sections: list[Section] | None = None) -> ReportMeta:
    """Metadata of a cleaned report; `title_hint` (e.g. a web page's <h1>) wins over the first line.
    `sections` are the report's parsed sections (parsed here when not given)."""
    if sections is None:
        sections = parse_sections(text)
    span = title_span(text)
    title = title_hint.strip() or (text[span[0] : span[1]].replace("\n", "").strip() if span else "")
    if not title and path and re.search(r"总结|计划|报告", Path(path).stem):
        title = Path(path).stem
    province, city, district = find_divisions(title, text)
    years = find_years(title, text, sections)
    kind = find_kind(title, text, sections)
    period = find_period(kind)
    if period in ("annual", "government-report") and len(years) == 1 and ("计划" in kind or kind == "政府工作报告"):
        # An annual summary's plan part (明年/下一步) and a government report's 工作安排 are for the next year.
        years = [years[0], years[0] + 1]
    year = years[-1] if period == "plan" and years else (years[0] if years else None)
    return ReportMeta(
        title=title, province=province, city=city, district=district,
        subdistrict=find_place(title, text), years=years, year=year, period=period, kind=kind,
    )
