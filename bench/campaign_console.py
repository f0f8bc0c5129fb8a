"""Re-run issue 14's hostile campaign on the console and the viewer's HTTP edges.

    NEO4J_PORT=7702 scripts/neo4j start
    .venv/bin/python -m bench.campaign_console --neo4j-uri bolt://127.0.0.1:7702 [--json out.json]

Against a real local Neo4j (loopback only; the database given is CLEARED and gets the
tests' small fictional graph) and the viewer served by waitress on 127.0.0.1, it replays:
every console bypass of tests/fixtures/console_corpus.py with the tokenizer on, with the
tokenizer off (Neo4j's plan check alone) and over HTTP; the side effects they must not
have (a loopback URL fetched, another client's transaction killed, a node written); the
tokenizer against Neo4j's parser; the answer caps; 8 slow console queries at once while
the entity API is timed; and the HTTP edges (deep body, 200 MB POST, foreign Host, JSON
errors, UTF-8 URLs, security headers). It prints one table: case, tried, passed, failed,
and exits 1 when anything failed. Bounded: a fixed list of cases, 5 s per console query,
and --max-seconds for the whole run (cases not reached are reported as not run).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, urlsplit

import neo4j

from graph.store import console
from graph.store.neo4j_store import Neo4jStore
from graph.store.readonly import tokenize, violations
from tests.fixtures.console_corpus import BYPASSES, HIDERS
from tests.fixtures.web_fixtures import ids, sample_graph
from web import create_app
from web.security import CONTENT_SECURITY_POLICY
from web.serving import make_server

LOOPBACK = ("127.0.0.1", "localhost", "::1")
DEEP = [
    ("list 200 deep", "RETURN " + "[" * 200 + "1" + "]" * 200 + " AS x"),
    ("map 300 deep", "RETURN " + "{a:" * 300 + "1" + "}" * 300 + " AS x"),
    ("300 chained lookups", "RETURN {a: 1}" + ".a" * 300 + " AS x"),
    ("CASE 300 deep", "RETURN " + "CASE WHEN true THEN " * 300 + "1" + " END" * 300 + " AS x"),
    ("1500 label negations", "MATCH (n:" + "!" * 1500 + "A) RETURN n"),
]


@dataclass
class Case:
    name: str
    tried: int = 0
    passed: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # figures worth printing even when all passed

    def check(self, ok: bool, what: str) -> None:
        self.tried += 1
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "9")
        self.end_headers()
        self.wfile.write(b"secret,1\n")

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _background(server: Any, run: Callable[[], None]) -> Iterator[Any]:
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.close() if hasattr(server, "effective_port") else server.shutdown()


def _refused(store: Neo4jStore, query: str) -> bool:
    try:
        store.run_read(query, timeout=5)
    except (console.ReadOnlyViolation, console.QueryError):
        return True
    return False


def _raw(port: int, request: bytes, timeout: float = 30) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:  # the server answered early (413) and closed
            pass
    return b"".join(chunks)


def _http(port: int, method: str, path: str, body: bytes = b"", host: str = "127.0.0.1", **headers: str) -> tuple[int, dict[str, str], bytes]:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close", f"Content-Length: {len(body)}"]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    answer = _raw(port, ("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    head, _, payload = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), found, payload


def _console(port: int, query: str, params: dict[str, Any] | None = None) -> tuple[int, bytes]:
    body = json.dumps({"query": query, "params": params or {}}).encode()
    status, _, payload = _http(port, "POST", "/api/console", body, Content_Type="application/json")
    return status, payload


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run(uri: str, max_seconds: float) -> list[Case]:
    deadline = time.monotonic() + max_seconds
    store = Neo4jStore(uri, user=os.environ.get("NEO4J_USER", "neo4j"), password=os.environ.get("NEO4J_PASSWORD", ""))
    store.clear()
    graph = sample_graph()
    store.save(graph)
    known = ids(graph)
    counter = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    url = f"http://127.0.0.1:{counter.server_port}/data.csv"
    app = create_app({"STORE": store, "TRUSTED_HOSTS": list(LOOPBACK), "CONSOLE_TIMEOUT": 5})
    server = make_server(app, "127.0.0.1", 0, threads=8)
    port = server.effective_port
    cases: list[Case] = []

    def case(name: str) -> Case:
        found = Case(name)
        cases.append(found)
        if time.monotonic() > deadline:
            found.failures.append("not run: --max-seconds reached")
        return found

    def go(found: Case) -> bool:
        return not found.failures

    with _background(counter, counter.serve_forever), _background(server, server.run):
        bypasses = [(name, query.replace("{url}", url)) for name, query in BYPASSES]

        c = case("bypass, tokenizer and plan check")
        for name, query in bypasses if go(c) else []:
            c.check(_refused(store, query), name)

        c = case("bypass, plan check alone (tokenizer off)")
        if go(c):
            original = console.check_read_only
            console.check_read_only = lambda query: None  # type: ignore[assignment]
            try:
                for name, query in bypasses:
                    c.check(_refused(store, query), name)
            finally:
                console.check_read_only = original

        c = case("bypass over HTTP (POST /api/console)")
        for name, query in bypasses if go(c) else []:
            status, payload = _console(port, query)
            c.check(status in (400, 403) and b'"error"' in payload, f"{name}: {status}")

        c = case("deep nesting refused before Neo4j")
        for name, query in DEEP if go(c) else []:
            started = time.monotonic()
            c.check(_refused(store, query) and time.monotonic() - started < 1, name)

        c = case("side effects of the bypasses")
        if go(c):
            with store._driver.session(database=store.database) as other:
                victim = other.begin_transaction()
                victim.run("RETURN 1").consume()
                tx_ids = [r["id"] for r in store._driver.execute_query("SHOW TRANSACTIONS YIELD transactionId AS id RETURN id").records]
                original = console.check_read_only
                console.check_read_only = lambda query: None  # type: ignore[assignment]
                try:
                    for tx_id in tx_ids:
                        _refused(store, f"//\rTERMINATE TRANSACTIONS '{tx_id}'")
                finally:
                    console.check_read_only = original
                c.check(victim.run("RETURN 1 AS ok").single()["ok"] == 1, "another client's transaction was killed")
                victim.rollback()
            c.check(_Counter.hits == [], f"loopback URL fetched {len(_Counter.hits)} times")
            c.check(store.stats()["entities"] == len(graph.entities), "the entity count changed")
            c.check(store.entity("sneaky") is None, "a node was written")

        c = case("tokenizer vs Neo4j's parser")
        for hider in HIDERS if go(c) else []:
            query = f"RETURN {hider} AS a, 2 AS b" if hider.startswith(("'", '"')) else f"RETURN 1 AS a {hider}, 2 AS b"
            words = [t.text for t in tokenize(query) if t.kind == "word"]
            ours = any(a.upper() == "AS" and b == "b" for a, b in zip(words, words[1:], strict=False))
            try:
                with store._driver.session(database=store.database, notifications_min_severity="OFF") as session:
                    theirs = session.run("EXPLAIN " + query).keys() == ["a", "b"]
            except neo4j.exceptions.CypherSyntaxError:
                continue
            c.check(ours == theirs, repr(hider))
            load = query.replace("RETURN", "WITH", 1).replace(", 2 AS b", " LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
            try:
                with store._driver.session(database=store.database, notifications_min_severity="OFF") as session:
                    planned = "LoadCSV" in repr(session.run("EXPLAIN " + load).consume().plan)
            except neo4j.exceptions.CypherSyntaxError:
                continue
            if planned:
                c.check(bool(violations(load)), f"LOAD CSV behind {hider!r} planned by Neo4j, missed by the tokenizer")

        c = case("answer caps")
        if go(c):
            status, payload = _console(port, "RETURN range(1, 5000000) AS numbers")
            c.check(status == 200 and len(payload) < 100_000, f"5M numbers: {status}, {len(payload):,} bytes")
            c.notes.append(f"a cell of 5M numbers answers {len(payload):,} bytes")
            status, payload = _console(port, "UNWIND range(1, 1000) AS x RETURN range(1, 1000) AS numbers")
            c.check(status == 200 and len(payload) < 2_500_000, f"1000 x 1000: {len(payload):,} bytes")
            c.notes.append(f"1,000 rows of 1,000 numbers answer {len(payload):,} bytes")
            doubled = "WITH 'abcdefghij' AS s " + "WITH s + s AS s " * 15 + "RETURN s AS text"  # 327,680 characters
            status, payload = _console(port, doubled)
            c.check(status == 200 and len(payload) < 20_000, f"320 KB string: {status}, {len(payload):,} bytes")

        c = case("8 slow console queries at once")
        if go(c):

            def entity_times(n: int = 20) -> list[float]:
                found = []
                for _ in range(n):
                    started = time.monotonic()
                    _http(port, "GET", f"/api/entity/{known['桃源村']}")
                    found.append(time.monotonic() - started)
                return found

            baseline = entity_times()
            slow = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"
            statuses: list[int] = []
            workers = [threading.Thread(target=lambda: statuses.append(_console(port, slow)[0])) for _ in range(8)]
            for worker in workers:
                worker.start()
            time.sleep(0.5)
            during = entity_times()
            for worker in workers:
                worker.join(timeout=30)
            c.check(statuses.count(429) >= 6, f"429 answers: {statuses.count(429)} of 8 ({sorted(statuses)})")
            # The median, not p95: on a shared 2-core machine single calls stall for other reasons.
            median = statistics.median(during)
            c.check(median < 0.25, f"entity API median {median * 1000:.0f} ms while they ran")
            c.notes.append(
                f"answers {sorted(statuses)}; entity API over 20 calls: median "
                f"{statistics.median(baseline) * 1000:.0f} ms before, {median * 1000:.0f} ms meanwhile; "
                f"p95 {statistics.quantiles(baseline, n=20)[-1] * 1000:.0f} / {statistics.quantiles(during, n=20)[-1] * 1000:.0f} ms"
            )

        c = case("HTTP edges")
        if go(c):
            deep = b"[" * 100_000 + b"]" * 100_000
            status, headers, _ = _http(port, "POST", "/api/console", deep, Content_Type="application/json")
            c.check(status == 400 and headers.get("content-type", "").startswith("application/json"), f"deep body: {status}")
            before, started = _rss_kib(), time.monotonic()
            head = b"POST /api/console HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\nConnection: close\r\n\r\n"
            answer = _raw(port, head + b"[" * 1000)
            took = time.monotonic() - started
            c.check(answer.startswith(b"HTTP/1.1 413") and took < 5, "200 MB POST not refused early")
            grew = _rss_kib() - before
            c.check(grew < 20 * 1024, "200 MB POST grew the process")
            c.notes.append(f"a 200 MB POST: 413 after {took * 1000:.0f} ms, the process grew {grew:,} KiB")
            status, _, _ = _http(port, "GET", "/api/stats", host="evil.example")
            c.check(status == 400, f"foreign Host: {status}")
            for method, path, want in [("GET", "/api/nothing", 404), ("DELETE", "/api/stats", 405), ("GET", "/api//stats", 308), ("GET", "/api/search?q=" + "a" * 9000, 414)]:
                status, headers, payload = _http(port, method, path)
                c.check(status == want and headers.get("content-type", "").startswith("application/json") and b"error" in payload, f"{method} {path[:30]}: {status}")
            raw = _raw(port, "GET /api/search?q=柳岸 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            encoded = _raw(port, f"GET /api/search?q={quote('柳岸')} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            c.check(raw.split(b"\r\n\r\n", 1)[1] == encoded.split(b"\r\n\r\n", 1)[1] and b"200" in raw[:15], "UTF-8 vs %-encoded search")
            for path in ("/", "/api/stats", "/static/js/common.js"):
                _, headers, _ = _http(port, "GET", path)
                good = headers.get("content-security-policy") == CONTENT_SECURITY_POLICY and headers.get("x-content-type-options") == "nosniff"
                c.check(good and headers.get("x-frame-options") == "DENY" and headers.get("referrer-policy") == "no-referrer", f"headers on {path}")

        c = case("server settings (scripts/neo4j)")
        if go(c):
            with store._driver.session(database=store.database) as session:
                for query, words in [("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "allow_csv_import_from_file_urls"), (f"LOAD CSV FROM '{url}' AS row RETURN row", "blocked")]:
                    try:
                        session.run(query).consume()
                        c.check(False, f"the server ran {query[:40]}")
                    except neo4j.exceptions.ClientError as exc:
                        c.check(words in str(exc), f"{query[:40]}: {exc}")
            c.check(_Counter.hits == [], "loopback URL fetched")
    store.clear()
    store.close()
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--json", help="also write the table here")
    args = parser.parse_args()
    if urlsplit(args.neo4j_uri).hostname not in LOOPBACK:
        parser.error("loopback only: the campaign clears the database it is given")
    started = time.monotonic()
    cases = run(args.neo4j_uri, args.max_seconds)
    width = max(len(c.name) for c in cases)
    print(f"{'case':<{width}}  tried  passed  failed")
    for c in cases:
        print(f"{c.name:<{width}}  {c.tried:>5}  {c.passed:>6}  {len(c.failures):>6}")
    total = Case("total", sum(c.tried for c in cases), sum(c.passed for c in cases), [f for c in cases for f in c.failures])
    print(f"{total.name:<{width}}  {total.tried:>5}  {total.passed:>6}  {len(total.failures):>6}   ({time.monotonic() - started:.0f} s)")
    for c in cases:
        for note in c.notes:
            print(f"{c.name}: {note}")
    for c in cases:
        for failure in c.failures:
            print(f"FAILED {c.name}: {failure}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump([{"case": c.name, "tried": c.tried, "passed": c.passed, "failed": c.failures, "notes": c.notes} for c in cases], out, ensure_ascii=False, indent=1)
    sys.exit(1 if total.failures else 0)


if __name__ == "__main__":
    main()
