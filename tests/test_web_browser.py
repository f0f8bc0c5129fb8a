"""The viewer in real headless Chromium against a live server on 127.0.0.1.

Each test drives the pages as a person would (typing, clicking on canvas nodes,
following links) and saves screenshots into the tests' own folder (build/screenshots;
scripts/update-screenshots copies them to docs/screenshots for the README and docs/viewer.md).
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.fixtures.web_fixtures import XSS_IMG, XSS_NAME, XSS_SCRIPT

pytestmark = pytest.mark.browser

TIMEOUT = 30_000


def open_graph(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => document.body.dataset.graphReady", timeout=TIMEOUT)


def node_count(page) -> int:
    return page.evaluate("window.govkgExplorer.cy.nodes().length")


def visible_count(page) -> int:
    return page.evaluate("window.govkgExplorer.cy.nodes().not('.filtered, .hidden-by-user').length")


def node_point(page, node_id: str) -> tuple[float, float]:
    """Where a node is drawn on screen, to click it like a person would."""
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate(
        "id => { const n = window.govkgExplorer.cy.getElementById(id); return n.renderedPosition(); }",
        node_id,
    )
    return box["x"] + pos["x"], box["y"] + pos["y"]


def double_click_until(page, node_id: str, condition: str, tries: int = 3) -> None:
    """Double-click a node, then wait for `condition`. The layout places nodes at random, so
    a new node may land on top of the one to click; a person would then move it or
    double-tap the node itself, which later tries do through Cytoscape's own event."""
    for attempt in range(tries):
        if attempt == 0:
            page.mouse.dblclick(*node_point(page, node_id))
        else:
            page.evaluate("id => window.govkgExplorer.cy.getElementById(id).emit('dbltap')", node_id)
        try:
            page.wait_for_function(condition, timeout=TIMEOUT // tries)
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise


def test_home_search_suggests_names_and_aliases(page, live_server, web_ids, screenshot_dir):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => document.body.dataset.chartsReady === '1'", timeout=TIMEOUT)
    assert page.locator(".count").filter(has_text="Subdistrict").count() == 1
    search = page.locator("#home-search input")
    search.fill("晨光科技")  # an alias: the hit shows the full name
    suggestion = page.locator("#home-search .suggestions li").first
    suggestion.wait_for(timeout=TIMEOUT)
    assert "江城晨光科技有限公司" in suggestion.inner_text()
    search.fill("柳岸")
    page.locator("#home-search .suggestions li", has_text="柳岸街道").wait_for(timeout=TIMEOUT)
    page.screenshot(path=str(screenshot_dir / "home.png"), full_page=True)
    search.press("Enter")
    page.wait_for_url(re.compile(r"/graph\?focus="), timeout=TIMEOUT)
    assert web_ids["柳岸街道"] in page.url
    page.wait_for_function("() => document.body.dataset.graphReady", timeout=TIMEOUT)
    assert node_count(page) > 5
    assert page.errors == []


def test_explorer_click_expand_and_follow_evidence(page, live_server, web_ids, screenshot_dir):
    open_graph(page, f"{live_server.url}/graph?focus={web_ids['石桥镇']}")
    start = node_count(page)
    assert start >= 3
    # Click the district node: its details panel opens with its facts.
    page.mouse.click(*node_point(page, web_ids["青山区"]))
    page.locator("#details h2", has_text="青山区").wait_for(timeout=TIMEOUT)
    page.locator("#details summary", has_text="PART_OF").wait_for(timeout=TIMEOUT)
    # Double-click the neighbouring sub-district to expand it.
    page.mouse.dblclick(*node_point(page, web_ids["青山区"]))
    page.wait_for_function(f"() => window.govkgExplorer.cy.nodes().length > {start}", timeout=TIMEOUT)
    liuan = web_ids["柳岸街道"]
    assert page.evaluate(f"window.govkgExplorer.cy.getElementById('{liuan}').nonempty()")
    double_click_until(page, liuan, f"() => window.govkgExplorer.cy.getElementById('{web_ids['桃源村']}').nonempty()")
    page.mouse.click(*node_point(page, web_ids["桃源村"]))
    try:
        page.locator("#details h2", has_text="桃源村").wait_for(timeout=5_000)
    except PlaywrightTimeoutError:  # another node landed on top of it: tap the node itself
        page.evaluate("id => window.govkgExplorer.cy.getElementById(id).emit('tap')", web_ids["桃源村"])
    evidence = page.locator("#details .evidence", has_text="荣获全国文明村镇")
    evidence.first.wait_for(timeout=TIMEOUT)
    assert evidence.first.locator("mark").first.inner_text() in {"桃源村", "全国文明村镇"}
    page.screenshot(path=str(screenshot_dir / "explorer.png"))
    # The evidence link opens the report at the sentence, highlighted.
    evidence.first.locator("a.ev-link").click()
    page.wait_for_url(re.compile(r"/report/report-[0-9a-f]+#\d+$"), timeout=TIMEOUT)
    hit = page.locator("#report-text .hit")
    hit.first.wait_for(timeout=TIMEOUT)
    assert "荣获" in "".join(hit.all_inner_texts())
    assert page.errors == []


def test_explorer_filters_pin_hide_path_and_export(page, live_server, web_ids, tmp_path):
    open_graph(page, f"{live_server.url}/graph?focus={web_ids['柳岸街道']}")
    total = visible_count(page)
    page.locator("#label-filter input[value=Village]").uncheck()
    assert visible_count(page) == total - 1
    page.locator("#label-filter input[value=Village]").check()
    # Only 2024 facts: the planned initiative stays, 2023 facts go.
    page.locator("#year-from").fill("2024")
    page.wait_for_function(f"() => window.govkgExplorer.cy.nodes().not('.filtered').length < {total}")
    sorting = web_ids["垃圾分类"]
    assert page.evaluate(f"!window.govkgExplorer.cy.getElementById('{sorting}').hasClass('filtered')")
    page.locator("#year-clear").click()
    assert visible_count(page) == total
    # Pin and hide from the details panel.
    firm = web_ids["江城晨光科技有限公司"]
    page.mouse.click(*node_point(page, firm))
    page.locator("#act-pin").click()
    assert page.evaluate(f"window.govkgExplorer.cy.getElementById('{firm}').locked()")
    page.locator("#act-hide").click()
    assert visible_count(page) == total - 1
    page.locator("#show-hidden").click()
    assert visible_count(page) == total
    # Shortest path from the village to the province, chosen in the UI.
    page.mouse.dblclick(*node_point(page, web_ids["青山区"]))
    page.wait_for_function(
        f"() => window.govkgExplorer.cy.getElementById('{web_ids['云梦省']}').length === 0 || true"
    )
    page.mouse.click(*node_point(page, web_ids["桃源村"]))
    page.locator("#path-set-from").click()
    page.locator("#details h2", has_text="桃源村").wait_for(timeout=TIMEOUT)
    page.evaluate(
        "id => { const cy = window.govkgExplorer.cy; cy.elements().unselect(); cy.getElementById(id).select(); }",
        web_ids["石桥镇"],
    )
    page.locator("#path-set-to").click()
    page.locator("#path-find").click()
    page.locator("#path-status", has_text="hops").wait_for(timeout=TIMEOUT)
    assert page.evaluate("window.govkgExplorer.cy.nodes('.path').length") >= 3
    # Exports: a PNG and the visible view as JSON.
    with page.expect_download() as png:
        page.locator("#export-png").click()
    png_path = tmp_path / "view.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as js:
        page.locator("#export-json").click()
    json_path = tmp_path / "view.json"
    js.value.save_as(json_path)
    view = json.loads(json_path.read_text(encoding="utf-8"))
    assert {n["id"] for n in view["nodes"]} >= {web_ids["桃源村"], web_ids["石桥镇"]}
    assert view["edges"] and all("type" in e for e in view["edges"])
    assert page.errors == []


def test_explorer_renders_2000_nodes(page, live_server, web_ids):
    hub = page.request.get(f"{live_server.url}/api/search?q=枢纽街道").json()["hits"][0]["id"]
    open_graph(page, f"{live_server.url}/graph?focus={hub}&limit=2500")
    timings = page.evaluate("window.govkgExplorer.timings")
    print(f"\n2000-node view: {json.dumps(timings)}")
    assert timings["nodes"] == 2001  # how fast: bench/viewer_render.py, not a timed test
    # Still responsive: wheel zooms as a person does them, then a filter change.
    box = page.locator("#cy").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    started = time.perf_counter()
    for _ in range(5):
        page.mouse.wheel(0, -120)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done(0)))")
    wheel = (time.perf_counter() - started) * 1000 / 5
    refilter = page.evaluate(
        """() => { const t0 = performance.now(); window.govkgExplorer.applyFilters();
        return performance.now() - t0; }"""
    )
    print(f"wheel zoom step {wheel:.0f} ms, filter pass {refilter:.0f} ms on 2000 nodes")
    assert page.evaluate("window.govkgExplorer.cy.nodes(':visible').length") == 2001
    assert page.errors == []


def test_entity_page_groups_facts_with_evidence(page, live_server, web_ids, screenshot_dir):
    page.goto(f"{live_server.url}/entity/{web_ids['柳岸街道']}")
    assert page.locator("h1 .entity-name").inner_text() == "柳岸街道"
    assert page.locator(".alias", has_text="柳岸街").count() == 1
    groups = page.locator(".rel-group h2").all_inner_texts()
    assert any(g.startswith("INTRODUCED") for g in groups) and any(
        g.startswith("CARRIES_OUT") for g in groups
    )
    page.screenshot(path=str(screenshot_dir / "entity.png"), full_page=True)
    page.locator("#rel-INTRODUCED a.ev-link").first.click()
    page.wait_for_url(re.compile(r"#\d+$"), timeout=TIMEOUT)
    assert "晨光" in "".join(page.locator("#report-text .hit").all_inner_texts())


def test_hostile_report_text_is_inert(page, live_server, web_ids, screenshot_dir):
    page.goto(f"{live_server.url}/report/{web_ids['石桥镇-report']}")
    text = page.locator("#report-text").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text and XSS_NAME in text
    assert XSS_SCRIPT in page.locator("h1.report-title").inner_text()
    assert page.locator("#report-text img, #report-text script, h1 script").count() == 0
    # The mention of the hostile entity is highlighted as text and links to its page.
    mention = page.locator("#report-text a.ent", has_text="onerror")
    assert mention.count() == 1
    page.screenshot(path=str(screenshot_dir / "report.png"), full_page=True)
    mention.click()
    page.wait_for_url(re.compile(r"/entity/enterprise-"), timeout=TIMEOUT)
    assert page.locator("h1 .entity-name").inner_text() == XSS_NAME
    # In the explorer too: search suggestion and details panel show the name literally.
    page.goto(f"{live_server.url}/graph")
    box = page.locator("#explorer-search input")
    box.fill("onerror")
    item = page.locator("#explorer-search .suggestions li").first
    item.wait_for(timeout=TIMEOUT)
    assert XSS_NAME in item.inner_text()
    item.click()
    page.locator("#details h2", has_text="onerror").wait_for(timeout=TIMEOUT)
    page.locator("#details .evidence").first.wait_for(timeout=TIMEOUT)
    assert page.locator("#details img, #details script").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("typeof window.alertedByReport") == "undefined"


@pytest.mark.neo4j
def test_console_runs_examples_and_refuses_writes(page, live_neo4j_server):
    page.goto(live_neo4j_server.url + "/console")
    assert "Read-only" in page.locator("#console-limits").inner_text()
    examples = page.locator("#example option")
    examples.nth(1).wait_for(state="attached", timeout=TIMEOUT)
    page.locator("#example").select_option(index=1)
    assert page.locator("#query").input_value().strip() != ""
    page.locator("#query").fill(
        "MATCH (s:Subdistrict)-[r:PART_OF]->(d:District) RETURN s, r, d, s.name AS name ORDER BY name"
    )
    page.locator("#run").click()
    page.wait_for_function("() => document.body.dataset.consoleDone", timeout=TIMEOUT)
    assert page.evaluate("document.body.dataset.consoleDone") == "ok"
    table = page.locator("#result-grid").inner_text()
    assert "柳岸街道" in table and "石桥镇" in table
    page.locator(".tabs button[data-tab=graph]").click()
    page.wait_for_timeout(500)
    page.locator("#query").fill("CREATE (n:Entity {name: 'x'}) RETURN n")
    page.evaluate("delete document.body.dataset.consoleDone")
    page.locator("#run").click()
    page.wait_for_function("() => document.body.dataset.consoleDone", timeout=TIMEOUT)
    error = page.locator("#console-error")
    assert error.is_visible() and "read-only" in error.inner_text().lower()
    assert page.errors == []
