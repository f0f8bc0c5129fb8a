"""Issue 12: the table pages, their CSV download and the comparison page in headless Chromium
(under the viewer's strict CSP), on the examples and the fictional 白鹭 reports. Saves
docs' screenshots (tables-investments.png, tables-indicators.png, compare.png)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.api import extract_path
from graph.resolve import resolve, split_by_report
from tests.fixtures.web_fixtures import LiveServer, open_test_store
from web import create_app

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 30_000


@pytest.fixture(scope="module")
def tables_server(request, tmp_path_factory) -> Iterator[LiveServer]:
    store = open_test_store(request, "embedded", tmp_path_factory.mktemp("tables-live"))
    paths = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".docx", ".html"})
    paths += sorted((ROOT / "tests" / "data" / "issue12").glob("*.txt"))
    for part in split_by_report(resolve(extract_path(p) for p in paths)):
        store.save(part)
    with LiveServer(create_app({"STORE": store, "TESTING": True})) as server:
        yield server


def test_table_pages_sort_filter_and_download(page, tables_server, screenshot_dir, tmp_path) -> None:
    page.goto(tables_server.url + "/")
    page.click("text=表格 Tables")
    page.click("text=招商引资 Investments")
    page.wait_for_function("() => document.body.dataset.tablesReady === '1'", timeout=TIMEOUT)
    page.fill("input[name=place]", "锦澜街道")
    page.click("button:has-text('Filter')")
    page.wait_for_function("() => document.body.dataset.tablesReady === '1'", timeout=TIMEOUT)
    totals = page.locator("#totals tbody tr")
    assert totals.count() == 1 and "4700000000" in totals.first.inner_text()
    page.click("#facts th[data-key=amount_yuan]")
    page.click("#facts th[data-key=amount_yuan]")  # descending
    first = page.locator("#facts tbody tr").first.inner_text()
    assert "苏州微澜半导体有限公司" in first and "3200000000" in first
    page.screenshot(path=str(screenshot_dir / "tables-investments.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#csv-download")
    saved = tmp_path / "investments.csv"
    info.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("place,year,relation") and all("锦澜街道" in line for line in lines[1:])
    page.goto(tables_server.url + "/tables/indicators?place=白鹭镇&year=2024")
    page.wait_for_function("() => document.body.dataset.tablesReady === '1'", timeout=TIMEOUT)
    assert "研发投入占地区生产总值比重" in page.inner_text("#facts")
    page.screenshot(path=str(screenshot_dir / "tables-indicators.png"), full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_compare_page_draws_a_place_by_year_table_and_chart(page, tables_server, screenshot_dir) -> None:
    page.goto(tables_server.url + "/compare")
    page.select_option("#indicator", "地区生产总值")
    for place in ("青溪镇", "禾溪镇", "锦澜街道"):
        page.check(f"input[name=place][value={place}]")
    page.click("#compare-go")
    page.wait_for_function("() => document.body.dataset.tablesReady === '1'", timeout=TIMEOUT)
    rows = page.locator("#compare-table tbody tr")
    assert sorted(rows.nth(i).inner_text().split()[0] for i in range(rows.count())) == ["禾溪镇", "锦澜街道", "青溪镇"]
    page.wait_for_function(
        "() => { const c = document.getElementById('compare-chart'); return c && c.width > 0 && window.Chart && Chart.getChart(c); }",
        timeout=TIMEOUT,
    )
    page.screenshot(path=str(screenshot_dir / "compare.png"), full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_entity_page_corrections_and_the_decisions_page(page, request, tmp_path_factory, screenshot_dir) -> None:
    """Merge from the entity page (a real form POST under the CSP), see it shown, undo it."""
    data_dir = tmp_path_factory.mktemp("curate-live")
    store = open_test_store(request, "embedded", data_dir)
    for part in split_by_report(resolve(extract_path(p) for p in sorted((ROOT / "tests" / "data" / "issue12").glob("*.txt")))):
        store.save(part)
    park = next(e.id for e in store.load().entities.values() if e.name == "青岚湖度假综合体项目")
    with LiveServer(create_app({"STORE": store, "DATA_DIR": str(data_dir / "store"), "TESTING": True})) as server:
        page.goto(f"{server.url}/entity/{park}")
        page.click("#curate summary")
        merge = page.locator("form.curate-form", has=page.locator("input[value=merge]"))
        merge.locator("input[name=value]").fill("白鹭数字经济产业园")
        merge.locator("button").click()
        page.wait_for_selector("#curated")
        assert "merged from 白鹭数字经济产业园" in page.inner_text("#curated")
        page.click("#curate summary")
        page.screenshot(path=str(screenshot_dir / "curation-entity.png"), full_page=True)
        page.click("#curated a")
        assert "青岚湖度假综合体项目 <- 白鹭数字经济产业园" in page.inner_text("#decisions")
        page.screenshot(path=str(screenshot_dir / "curation-decisions.png"), full_page=True)
        page.click("#decisions button:has-text('Undo')")
        page.wait_for_selector("#decisions .undone")
        assert page.errors == [] and page.dialogs == []
