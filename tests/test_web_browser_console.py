"""Issue 13, point 5: the Cypher console as a Neo4j Browser user expects it, in headless
Chromium over a real Neo4j: chips not JSON, the graph with the relationships among the
returned nodes, an inspector, Report nodes opening their page, parameter forms whose
defaults make the examples return rows, CSV, history, plain timeout and refusal messages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.test_web_browser import TIMEOUT

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


def run(page, query: str | None = None) -> str:
    if query is not None:
        page.locator("#query").fill(query)
    page.evaluate("() => { delete document.body.dataset.consoleDone; }")
    page.locator("#run").click()
    page.wait_for_function("() => document.body.dataset.consoleDone", timeout=TIMEOUT)
    return page.evaluate("document.body.dataset.consoleDone")


def open_console(page, server) -> None:
    page.goto(server.url + "/console")
    page.wait_for_function("() => document.body.dataset.examplesReady", timeout=TIMEOUT)


def test_console_table_chips_graph_with_relationships_and_inspector(page, live_neo4j_server, screenshot_dir):
    open_console(page, live_neo4j_server)
    assert run(page, "MATCH (s:Subdistrict)-[r:PART_OF]->(d:District) RETURN s, r, d ORDER BY s.name") == "ok"
    table = page.locator("#result-grid").inner_text()
    assert page.locator("#result-grid .node-chip").count() >= 4
    assert page.locator("#result-grid .rel-chip", has_text="[:PART_OF]").count() >= 2
    assert "柳岸街道" in table and "element_id" not in table and '"' not in table and "{" not in table
    # Nodes only: the graph still draws the relationships among them (fetched).
    names = "['柳岸街道', '桃源村', '新港社区', '青山区']"
    assert run(page, f"MATCH (n:Entity) WHERE n.name IN {names} RETURN n") == "ok"
    page.locator(".tabs button[data-tab=graph]").click()
    page.wait_for_function("() => document.body.dataset.graphDrawn", timeout=TIMEOUT)
    assert int(page.evaluate("document.body.dataset.graphDrawn")) >= 3  # once: a grid, no edges
    page.wait_for_timeout(300)
    drawn = page.evaluate(
        "() => window.govkgConsole.cy.edges().map((e) => { const b = e.renderedBoundingBox(); return b.w + b.h; })"
    )
    assert all(size > 5 for size in drawn)  # edges drawn on screen, not stacked on one point
    page.screenshot(path=str(screenshot_dir / "console.png"), full_page=True)
    # Clicking a node opens the inspector.
    page.evaluate("() => document.getElementById('result-graph').scrollIntoView({ block: 'center' })")
    box = page.locator("#result-graph").bounding_box()
    pos = page.evaluate(
        "() => window.govkgConsole.cy.nodes().filter((n) => n.data('name') === '桃源村').renderedPosition()"
    )
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.locator("#inspector h3", has_text="桃源村").wait_for(timeout=TIMEOUT)
    assert page.locator("#inspector-link").get_attribute("href").startswith("/entity/village-")
    # A scalar result: the Graph tab says why it is empty.
    assert run(page, "RETURN 1 AS one, 'x' AS two") == "ok"
    assert "Nothing to draw" in page.locator("#graph-note").inner_text()
    # A Report node opens its report page, not /entity/report-… (a 404).
    page.locator(".tabs button[data-tab=table]").click()
    assert run(page, "MATCH (r:Report) RETURN r ORDER BY r.title LIMIT 1") == "ok"
    page.locator("#result-grid .node-chip").first.click()
    link = page.locator("#inspector-link")
    assert link.get_attribute("href").startswith("/report/report-")
    link.click()
    page.locator("#report-text").wait_for(timeout=TIMEOUT)
    assert page.errors == []


@pytest.mark.parametrize("name", ["shortest_path", "indicator_comparison", "entity_neighbourhood"])
def test_console_examples_work_out_of_the_box(page, live_neo4j_server, name):
    open_console(page, live_neo4j_server)
    page.locator("#example").select_option(name)
    inputs = page.locator("#param-form input")
    assert inputs.count() >= 1
    for i in range(inputs.count()):
        assert inputs.nth(i).input_value() != ""  # once: "" and no rows, no hint
    assert run(page) == "ok"
    assert page.locator("#result-grid tbody tr").count() >= 1


def test_console_csv_and_history(page, live_neo4j_server, tmp_path):
    open_console(page, live_neo4j_server)
    query = "MATCH (s:Subdistrict) RETURN s.name AS name, s ORDER BY name"
    assert run(page, query) == "ok"
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    saved = tmp_path / "result.csv"
    download.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(Path(saved).read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["name", "s"] and ["柳岸街道", "柳岸街道"] in rows
    # The history survives a reload and restores the query.
    page.reload()
    page.wait_for_function("() => document.body.dataset.examplesReady", timeout=TIMEOUT)
    item = page.locator("#history li button").first
    assert "MATCH (s:Subdistrict)" in item.inner_text()
    page.locator("#query").fill("RETURN 2")
    item.click()
    assert page.locator("#query").input_value() == query


def test_console_plain_messages_on_timeout_and_refusal(page, live_neo4j_server):
    open_console(page, live_neo4j_server)
    assert run(page, "CREATE (n:Entity {name: 'x'}) RETURN n") == "error"
    refusal = page.locator("#console-error").inner_text()
    assert "only reads" in refusal and "Nothing was run" in refusal
    config = live_neo4j_server.app.config
    config["CONSOLE_TIMEOUT"] = 1
    try:
        assert run(page, "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)") == "error"
    finally:
        config["CONSOLE_TIMEOUT"] = 10
    message = page.locator("#console-error").inner_text()
    assert "ran longer than the 1 s limit" in message and "Retry your operation" not in message
    assert page.errors == []
