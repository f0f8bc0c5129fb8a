"""Issue 13, points 6 and 7 (home page): the search results page in headless Chromium:
counts per label, paging, each hit's place and reports (two 镇党委 told apart), filters by
label, place and year, label names listing their entities, and the home page's count
chips and per-label chart leading to those lists."""

from __future__ import annotations

import re

import pytest

from tests.test_web_browser import TIMEOUT

pytestmark = pytest.mark.browser


def test_home_counts_and_label_chart_lead_to_lists(page, live_server):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => document.body.dataset.chartsReady", timeout=TIMEOUT)
    page.locator("a.count[data-label=Village]").click()  # once: a plain span
    page.wait_for_url(re.compile(r"/search\?label=Village$"), timeout=TIMEOUT)
    assert "Village" in page.locator("#search-summary").inner_text()
    assert set(page.locator("#hits .badge").all_inner_texts()) == {"Village"}
    page.go_back()
    page.wait_for_function("() => document.body.dataset.chartsReady", timeout=TIMEOUT)
    point = page.evaluate(
        """() => { const chart = window.govkgCharts.labels; const i = chart.data.labels.indexOf('Enterprise');
        const bar = chart.getDatasetMeta(0).data[i]; const box = chart.canvas.getBoundingClientRect();
        return [box.left + bar.x, box.top + (bar.y + bar.base) / 2]; }"""
    )
    page.mouse.click(*point)
    page.wait_for_url(re.compile(r"/search\?label=Enterprise$"), timeout=TIMEOUT)
    assert page.errors == []


def test_search_page_counts_paging_context_and_filters(page, live_server, screenshot_dir):
    page.goto(live_server.url + "/")
    box = page.locator("#home-search input")
    box.fill("镇党委")
    page.locator("#home-search .all-results").wait_for(timeout=TIMEOUT)
    page.locator("#home-search .all-results").click()
    page.wait_for_url(re.compile(r"/search\?q="), timeout=TIMEOUT)
    hits = page.locator("#hits .hit")
    assert hits.count() == 2
    contexts = sorted(hits.nth(i).locator(".ctx-place").inner_text() for i in range(2))
    assert contexts[0] != contexts[1]  # once: two identical rows, no place
    page.screenshot(path=str(screenshot_dir / "search.png"), full_page=True)
    # Filter by place.
    page.locator("#search-place").fill(contexts[0].removeprefix("在 ").split(" · ")[0])
    page.locator("#search-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"place="), timeout=TIMEOUT)
    assert page.locator("#hits .hit").count() == 1
    # Counts per label, a label chip, paging (72 firms at 20 a page).
    page.goto(live_server.url + "/search?q=科技")
    counts = page.locator("#label-counts a.count[data-label]")
    assert counts.count() >= 1 and "Enterprise" in page.locator("#label-counts").inner_text()
    assert int(page.locator("#label-counts a[data-label=Enterprise] b").inner_text()) >= 70
    page.locator("#label-counts a[data-label=Enterprise]").click()
    page.wait_for_url(re.compile(r"label=Enterprise"), timeout=TIMEOUT)
    first = page.locator("#hits .hit-name").all_inner_texts()
    assert len(first) == 20 and "page 1 of" in page.locator("#pager").inner_text()
    page.locator("#pager a[rel=next]").click()
    page.wait_for_url(re.compile(r"page=2"), timeout=TIMEOUT)
    second = page.locator("#hits .hit-name").all_inner_texts()
    assert second and not set(first) & set(second)
    # Year: the sample's 2023 facts, not the 2024 district's.
    page.goto(live_server.url + "/search?q=柳岸&year=2021")
    assert page.locator("#hits .hit-name", has_text="柳岸街道").count() == 1
    page.goto(live_server.url + "/search?q=东安&year=2019")
    assert page.locator("#hits .hit").count() == 0
    assert page.errors == []


@pytest.mark.parametrize("words", ["village", "Village", "村", "villages"])
def test_label_names_list_the_label(page, live_server, words):
    page.goto(f"{live_server.url}/search?q={words}")
    assert page.locator("#label-note").count() == 1
    summary = page.locator("#search-summary").inner_text()
    stats = page.request.get(f"{live_server.url}/api/stats").json()
    assert f"{stats['labels']['Village']} entities" in summary  # once: nothing found
    badges = page.locator("#hits .badge").all_inner_texts()
    assert len(badges) == 20 and set(badges) == {"Village"}


@pytest.mark.parametrize("words", ["村", "village"])
def test_suggestions_offer_a_label_list(page, live_server, words):
    page.goto(live_server.url + "/")
    page.locator("#home-search input").fill(words)
    offer = page.locator("#home-search .label-offer a")
    offer.wait_for(timeout=TIMEOUT)
    assert offer.get_attribute("href") == "/search?label=Village"
    assert page.errors == []
