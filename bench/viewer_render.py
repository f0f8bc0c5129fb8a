"""Graph view responsiveness with 2,000 nodes on screen, in real headless Chromium.

The issue's target ("the graph view stays responsive with 2,000 nodes on screen")
is checked here, not by a timed test: tests/test_web_browser.py only checks that
the view renders. This builds the tests' hub graph (one sub-district, N firms) in
a temporary embedded store, serves the viewer on 127.0.0.1, and for each run opens
/graph?focus=<hub>&limit=<N+500> in a fresh browser context. It prints, per run
and as medians: the explorer's own timings (fetch, render, layout, total), the
mean of 5 drag steps on the background (pan), the mean of 5 wheel-zoom steps
(each step a mouse event plus a requestAnimationFrame round trip, so it includes
Playwright's round trip, as a person's next frame would), one applyFilters()
pass, one expansion inside the view (a firm's 20 projects: fetch, add, place, label
culling), and any JS errors the page raised or logged. "idle" is the same frame round
trip with no input: what pan and wheel cost beyond it is the view's own work.

    .venv/bin/python -m bench.viewer_render --nodes 2000 --runs 3
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from typing import Any

from graph.store import open_store
from tests.fixtures.web_fixtures import CHROMIUM, CHROMIUM_ARGS, LiveServer, hub_graph
from web import create_app

TIMEOUT = 60_000
FRAME = "() => new Promise((done) => requestAnimationFrame(() => done(0)))"
# A point of the canvas with no node under it (a drag there pans instead of moving a node).
EMPTY_POINT = """() => {
  const cy = window.govkgExplorer.cy, w = cy.width(), h = cy.height();
  const boxes = cy.nodes().map((n) => n.renderedBoundingBox());
  for (const fy of [0.06, 0.94, 0.5]) for (const fx of [0.04, 0.96, 0.5]) {
    const x = w * fx, y = h * fy;
    if (!boxes.some((b) => x >= b.x1 - 4 && x <= b.x2 + 4 && y >= b.y1 - 4 && y <= b.y2 + 4)) return {x, y};
  }
  return null;
}"""
FIGURES = ("fetch_ms", "render_ms", "layout_ms", "total_ms", "idle_ms", "pan_ms", "wheel_ms", "filter_ms",
           "expand_ms")


def frame_steps(page: Any, action: Any, steps: int) -> float:
    """Mean ms of `steps` input events, each followed by a requestAnimationFrame round trip."""
    started = time.perf_counter()
    for i in range(steps):
        action(i)
        page.evaluate(FRAME)
    return (time.perf_counter() - started) * 1000 / steps


def one_run(browser: Any, url: str, nodes: int) -> dict[str, Any]:
    """Open the view fresh and measure it; the page's errors are returned with the figures."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto(url)
        page.wait_for_function("() => document.body.dataset.graphReady", timeout=TIMEOUT)
        if page.evaluate("document.body.dataset.graphReady") != "1":
            raise SystemExit(f"the view failed to load: {errors or page.locator('#details').inner_text()}")
        figures = dict(page.evaluate("window.govkgExplorer.timings"))
        if figures["nodes"] != nodes + 1:
            raise SystemExit(f"expected {nodes + 1} nodes on screen, the view has {figures['nodes']}")
        box = page.locator("#cy").bounding_box()
        spot = page.evaluate(EMPTY_POINT)
        if spot is None:
            raise SystemExit("no empty background point to drag from")
        figures["idle_ms"] = frame_steps(page, lambda i: None, 5)  # the round trip alone, no input
        # Pan: drag the background 5 steps right (all nodes stay on screen), then wheel-zoom.
        x, y = box["x"] + spot["x"], box["y"] + spot["y"]
        pan_before = page.evaluate("window.govkgExplorer.cy.pan()")
        page.mouse.move(x, y)
        page.mouse.down()
        figures["pan_ms"] = frame_steps(page, lambda i: page.mouse.move(x + 8 * (i + 1), y), 5)
        page.mouse.up()
        if page.evaluate("window.govkgExplorer.cy.pan()") == pan_before:
            raise SystemExit("the drag did not pan the view")
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        zoom_before = page.evaluate("window.govkgExplorer.cy.zoom()")
        figures["wheel_ms"] = frame_steps(page, lambda i: page.mouse.wheel(0, -120), 5)
        if page.evaluate("window.govkgExplorer.cy.zoom()") == zoom_before:
            raise SystemExit("the wheel did not zoom the view")
        figures["filter_ms"] = page.evaluate(
            """() => { const t0 = performance.now(); window.govkgExplorer.applyFilters();
            return performance.now() - t0; }"""
        )
        # Expansion inside the big view: the first firm's 20 projects join around it (fetch,
        # add, place, label culling; nothing else moves), timed by the explorer itself.
        firm = page.evaluate(
            "() => window.govkgExplorer.cy.nodes().filter((n) => n.data('name') === '枢纽企业0000').id()"
        )
        before = page.evaluate("window.govkgExplorer.cy.nodes().length")
        page.evaluate("(id) => window.govkgExplorer.expand(id)", firm)
        expanded = page.evaluate("window.govkgExplorer.timings")
        if expanded["nodes"] != before + 20:
            raise SystemExit(f"the expansion added {expanded['nodes'] - before} nodes, not 20")
        figures["expand_ms"] = expanded["total_ms"]
        figures["errors"] = errors
        return figures
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=2000, help="firms around the hub (view limit is nodes+500)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.nodes + 500 > 5000:
        parser.error("the explorer caps its fetch limit at 5000: use --nodes <= 4500")

    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request log between the figures
    graph = hub_graph(args.nodes)
    hub = next(e.id for e in graph.entities.values() if e.label == "Subdistrict")
    with tempfile.TemporaryDirectory(prefix="govkg-viewer-render-") as data_dir:
        store = open_store("embedded", data_dir=data_dir)
        try:
            store.save(graph)
        finally:
            store.close()
        app = create_app({"STORE": "embedded", "DATA_DIR": data_dir})
        with LiveServer(app) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                url = f"{server.url}/graph?focus={hub}&limit={args.nodes + 500}"
                print(f"{args.nodes + 1} nodes, {args.runs} runs, Chromium {browser.version}, {url}", flush=True)
                runs = []
                for run in range(1, args.runs + 1):
                    figures = one_run(browser, url, args.nodes)
                    runs.append(figures)
                    print(f"run {run}: " + "  ".join(f"{k[:-3]} {figures[k]:6.0f} ms" for k in FIGURES)
                          + f"  errors {len(figures['errors'])}", flush=True)
            finally:
                browser.close()
    print("median: " + "  ".join(f"{k[:-3]} {statistics.median(r[k] for r in runs):6.0f} ms" for k in FIGURES))
    errors = [e for r in runs for e in r["errors"]]
    print("JS errors: " + ("none" if not errors else f"{len(errors)}: " + " | ".join(errors[:5])))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
