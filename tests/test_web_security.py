"""HTTP edges of the viewer (issue 14 point 9, issue 13 point 10): security headers, no
inline script, JSON for every /api answer, request and URL limits, trusted hosts, the
console's concurrency limit, and `govkg serve` on waitress."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.fixtures.web_fixtures import open_test_store
from web import create_app
from web.security import CONTENT_SECURITY_POLICY, CYTOSCAPE_STYLE
from web.serving import trusted_hosts

TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"


def test_security_headers_on_pages_api_static_and_errors(client, web_ids):
    for url in ["/", f"/entity/{web_ids['桃源村']}", "/api/stats", "/static/js/common.js", "/api/nothing", "/nothing"]:
        headers = client.get(url).headers
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"


def test_the_policy_allows_no_inline_script_and_no_framing():
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_cytoscapes_own_style_is_the_one_allowed_by_hash():
    vendor = (TEMPLATES.parent / "static" / "vendor" / "cytoscape.min.js").read_text(encoding="utf-8")
    assert '"__________cytoscape_container"' in vendor and "{ position: relative; }" in vendor
    assert CYTOSCAPE_STYLE == ".__________cytoscape_container { position: relative; }"


@pytest.mark.parametrize("template", sorted(p.name for p in (TEMPLATES / "pages").glob("*.html")))
def test_templates_hold_no_inline_script_or_handler(template):
    html = (TEMPLATES / "pages" / template).read_text(encoding="utf-8")
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert "<style" not in html and " style=" not in html, "inline style"
    assert "javascript:" not in html.lower()


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/nothing", 404),
        ("delete", "/api/stats", 405),
        ("post", "/api/search", 405),
        ("get", "/api//stats", 308),
        ("get", "/api/search?q=" + "a" * 9000, 414),
    ],
)
def test_api_answers_are_json_whatever_the_status(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response.mimetype == "application/json" and "error" in response.get_json()
    if status == 308:
        assert response.headers["Location"].endswith("/api/stats")


def test_label_colours_come_as_a_stylesheet(client):
    response = client.get("/labels.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert ".lbl-Village { --lbl: " in response.get_data(as_text=True)
    assert '/labels.css"' in client.get("/reports").get_data(as_text=True)


def test_pages_keep_html_errors(client):
    response = client.get("/nothing")
    assert response.status_code == 404 and response.mimetype == "text/html"


def test_an_untrusted_host_is_refused(web_store):
    client = create_app({"STORE": web_store, "TRUSTED_HOSTS": ["127.0.0.1", "localhost"]}).test_client()
    assert client.get("/api/stats", headers={"Host": "127.0.0.1:5000"}).status_code == 200
    refused = client.get("/api/stats", headers={"Host": "evil.example"})
    assert refused.status_code == 400 and "not trusted" in refused.get_json()["error"]
    page = client.get("/", headers={"Host": "evil.example"})
    assert page.status_code == 400 and "Traceback" not in page.get_data(as_text=True)


def test_trusted_hosts_default_to_the_bound_address():
    assert trusted_hosts("127.0.0.1") == ["127.0.0.1", "::1", "localhost"]
    assert trusted_hosts("localhost") == ["127.0.0.1", "::1", "localhost"]
    assert trusted_hosts("10.1.2.3") == ["10.1.2.3"]
    assert trusted_hosts("10.1.2.3", ["kg.example.org"]) == ["10.1.2.3", "kg.example.org"]
    assert trusted_hosts("0.0.0.0") is None  # every interface: the name is not known, say so at start
    assert trusted_hosts("0.0.0.0", ["kg.example.org"]) == ["kg.example.org"]


def test_utf8_and_percent_encoded_searches_agree(client, web_ids):
    """The test client sends the raw UTF-8 bytes for a str URL; quote() gives the %-form."""
    raw = client.get("/api/search?q=柳岸")
    encoded = client.get("/api/search?q=" + quote("柳岸"))
    assert raw.status_code == encoded.status_code == 200
    assert raw.get_json() == encoded.get_json()
    assert raw.get_json()["hits"][0]["id"] == web_ids["柳岸街道"]


# --- request bodies --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def neo4j_client(request, tmp_path_factory, web_graph):
    store = open_test_store(request, "neo4j", tmp_path_factory.mktemp("security"))
    store.save(web_graph)
    yield store
    store.close()


@pytest.mark.neo4j
def test_a_deeply_nested_console_body_is_a_400(neo4j_client):
    client = create_app({"STORE": neo4j_client}).test_client()
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/console", data=deep, content_type="application/json")
    assert response.status_code == 400 and "nests too deeply" in response.get_json()["error"]
    params = '{"query": "RETURN $p AS p", "params": {"p": ' + "[" * 50 + "]" * 50 + "}}"
    response = client.post("/api/console", data=params, content_type="application/json")
    assert response.status_code == 400 and "deeper than 32" in response.get_json()["error"]


@pytest.mark.neo4j
def test_a_body_over_the_limit_is_refused_unread(neo4j_client):
    client = create_app({"STORE": neo4j_client}).test_client()
    body = b'{"query": "RETURN 1", "pad": "' + b"x" * (1024 * 1024) + b'"}'
    response = client.post("/api/console", data=body, content_type="application/json")
    assert response.status_code == 413 and "error" in response.get_json()


@pytest.mark.neo4j
def test_console_queries_beyond_the_limit_answer_429_and_the_api_stays_quick(neo4j_client, web_ids):
    app = create_app({"STORE": neo4j_client, "CONSOLE_CONCURRENCY": 1, "CONSOLE_TIMEOUT": 4})
    slow = {"query": "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"}
    first: list[int] = []
    thread = threading.Thread(target=lambda: first.append(app.test_client().post("/api/console", json=slow).status_code))
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not _running(neo4j_client, "1000000000"):
            time.sleep(0.05)  # until the slow query runs in Neo4j, so it holds the one slot
        busy = app.test_client().post("/api/console", json={"query": "RETURN 1 AS one"})
        assert busy.status_code == 429, "the second console query was not refused"
        assert busy.get_json()["kind"] == "busy" and busy.headers["Retry-After"] == "2"
        took = []
        for _ in range(5):
            started = time.monotonic()
            assert app.test_client().get(f"/api/entity/{web_ids['桃源村']}").status_code == 200
            took.append(time.monotonic() - started)
        assert sorted(took)[2] < 1.0  # the median: issue 14 measured 5 s with 8 slow queries running
    finally:
        thread.join(timeout=30)
    assert first == [400]  # the slow one ran into its timeout
    assert app.test_client().post("/api/console", json={"query": "RETURN 1 AS one"}).status_code == 200


def _running(store, text: str) -> bool:
    """Whether a query holding `text` is running in Neo4j (seen with the store's own driver)."""
    records = store._driver.execute_query("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery").records
    return any(text in (r["currentQuery"] or "") and "SHOW TRANSACTIONS" not in r["currentQuery"] for r in records)


# --- govkg serve -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _raw_request(port: int, head: bytes, body: bytes = b"") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture(scope="module")
def served(tmp_path_factory, web_graph):
    """`govkg serve` in a subprocess over an embedded store holding the sample graph."""
    from graph.store.embedded import EmbeddedStore

    data = tmp_path_factory.mktemp("served")
    store = EmbeddedStore(data)
    store.save(web_graph)
    store.close()
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "govkg.cli", "serve", "--store", "embedded", "--data-dir", str(data), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port, process
    process.terminate()
    process.wait(timeout=20)


def test_serve_runs_waitress_not_the_development_server(served):
    port, _ = served
    answer = _raw_request(port, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    head = answer.split(b"\r\n\r\n", 1)[0].decode()
    assert head.startswith("HTTP/1.1 200") and "Server: GovKG" in head and "Werkzeug" not in head
    assert "Content-Security-Policy: default-src 'self'" in head


def test_serve_refuses_a_200_mb_post_before_reading_it(served):
    port, process = served
    head = (
        b"POST /api/console HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 209715200\r\nConnection: close\r\n\r\n"
    )
    before = _rss_kib(process.pid)
    started = time.monotonic()
    answer = _raw_request(port, head, b"[" * 1000)
    assert answer.startswith(b"HTTP/1.1 413") and time.monotonic() - started < 5
    assert _rss_kib(process.pid) - before < 20 * 1024


def test_serve_refuses_foreign_hosts_and_agrees_on_utf8_urls(served):
    port, _ = served
    foreign = _raw_request(port, b"GET /api/stats HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    assert foreign.startswith(b"HTTP/1.1 400")
    raw = "GET /api/search?q=柳岸 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    encoded = f"GET /api/search?q={quote('柳岸')} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    first, second = _raw_request(port, raw), _raw_request(port, encoded)
    assert first.startswith(b"HTTP/1.1 200") and second.startswith(b"HTTP/1.1 200")
    assert first.split(b"\r\n\r\n", 1)[1] == second.split(b"\r\n\r\n", 1)[1]
    assert "柳岸街道".encode() in first


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# --- the policy in a real browser ------------------------------------------------------------


def _console_errors(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    return found


@pytest.mark.browser
def test_pages_work_under_the_policy_in_chromium(page, live_server, web_ids):
    """Every page loads its scripts and draws under the CSP: no violation, no error."""
    errors = _console_errors(page)
    for url in ["/", "/reports", f"/entity/{web_ids['柳岸街道']}", f"/report/{web_ids['柳岸街道-report']}"]:
        response = page.goto(live_server.url + url)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/graph?focus={web_ids['柳岸街道']}")
    page.wait_for_function("() => document.body.dataset.graphReady", timeout=30_000)
    assert page.evaluate("window.govkgExplorer.cy.nodes().length") > 1
    assert page.evaluate("document.querySelector('#cy').classList.contains('__________cytoscape_container')")
    page.goto(live_server.url + "/")
    page.locator("input[type=search]").first.fill("柳岸")
    page.wait_for_timeout(800)
    assert errors == [] and page.errors == []


@pytest.mark.browser
def test_an_inline_script_would_be_blocked(page, live_server):
    """The policy is really enforced: a script written into the page does not run."""
    errors = _console_errors(page)
    page.goto(live_server.url + "/reports")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        " document.body.appendChild(s); }"
    )
    assert page.evaluate("window.ran") is None
    assert any("Content Security Policy" in e for e in errors)


@pytest.mark.browser
@pytest.mark.neo4j
def test_console_page_works_under_the_policy(page, live_neo4j_server):
    errors = _console_errors(page)
    page.goto(live_neo4j_server.url + "/console")
    page.locator("#query").fill("MATCH (s:Subdistrict)-[r:PART_OF]->(d) RETURN s, r, d")
    page.locator("#run").click()
    page.wait_for_function("() => document.body.dataset.consoleDone", timeout=30_000)
    assert page.evaluate("document.body.dataset.consoleDone") == "ok"
    page.locator(".tabs button[data-tab=graph]").click()
    page.wait_for_timeout(500)
    assert errors == [] and page.errors == []
